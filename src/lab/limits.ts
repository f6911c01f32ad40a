// Bounds on what a lab may hold. A shared link or file is untrusted input: these keep a hostile
// or broken one from freezing the tab, while leaving room for the largest classroom labs.
export const LIMITS = {
  textBytes: 4 * 1024 * 1024,
  devices: 400,
  links: 800,
  configChars: 64 * 1024,
  titleChars: 200,
  notesChars: 20_000,
  coordinate: 1_000_000,
};
