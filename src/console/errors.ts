/** Thrown by an exec command that finds an argument it cannot use (IOS puts the caret under it). */
export class InvalidArgument extends Error {
  constructor(readonly word: string) {
    super(`invalid argument ${word}`);
  }
}
