declare module 'linebreak' {
  /** A break opportunity: the break goes before `position`; `required` after a hard line break. */
  interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  /** The Unicode line breaking algorithm (UAX #14) over a string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
