/** A line of a list-like editor value that does not parse: which input, which line (1-based). */
export class DraftLineError extends Error {
  constructor(
    readonly field: string,
    readonly line: number,
  ) {
    super(`${field}: line ${line}`);
  }
}
