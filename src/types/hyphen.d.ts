// The part of the `hyphen` package briefwright uses (it ships no types): one module per language.
declare module 'hyphen/*' {
  export function hyphenateSync(
    text: string,
    options?: { minWordLength?: number; hyphenChar?: string },
  ): string;
}
