/** Thrown by an exec command that cannot use one of its parameters (by name): IOS puts the caret under it. */
export class InvalidArgument extends Error {
  constructor(readonly word: string) {
    super(`invalid argument ${word}`);
  }
}
