/**
 * The offset of the first syntax error in JSON text, found by a small recursive-descent reader, for
 * JavaScript engines whose `JSON.parse` errors do not say where.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail();
  };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') at++;
      else if ((text.charCodeAt(at) ?? 0) < 0x20) fail();
      at++;
    }
    if (text[at] !== '"') fail();
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match?.[0]) fail();
    at += match?.[0].length ?? 0;
  };
  const members = (close: string, member: () => void) => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      member();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === close) {
        at++;
        return;
      } else fail();
    }
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{') {
      members('}', () => {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
        value();
      });
    } else if (c === '[') {
      members(']', value);
    } else if (c === '"') {
      string();
    } else if (c === 't') {
      literal('true');
    } else if (c === 'f') {
      literal('false');
    } else if (c === 'n') {
      literal('null');
    } else {
      number();
    }
  };
  try {
    value();
    space();
    return at < text.length ? at : -1;
  } catch (offset) {
    return typeof offset === 'number' ? offset : at;
  }
}
