// The character classes of the scanner's hand-written scans, looked up by
// character code in one table. A chain of comparisons (`c >= 97 && c <= 122
// || ...`) collects type feedback only for the comparisons characters have
// reached: V8 dropped a scan's optimized code the first time a rarer
// character went further down the chain, once per thread.

const ALNUM = 1; // A-Z a-z 0-9
const NAME = 2; // alnum _ . -: api_key, db.password, x-api-key
const TYPE = 4; // alnum _ . < > [ ] |: str, Optional[str], Array<string>
const SCHEME = 8; // alnum + . -: postgres, git+ssh
const HOST = 16; // alnum _ . - [ ]: db-1.internal, [::1]

const CLASSES = new Uint8Array(128);
const LETTERS_AND_DIGITS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
for (const [flag, characters] of [
  [ALNUM, LETTERS_AND_DIGITS],
  [NAME, `${LETTERS_AND_DIGITS}_.-`],
  [TYPE, `${LETTERS_AND_DIGITS}_.<>[]|`],
  [SCHEME, `${LETTERS_AND_DIGITS}+.-`],
  [HOST, `${LETTERS_AND_DIGITS}_.-[]`],
] as const) {
  for (const character of characters) CLASSES[character.charCodeAt(0)] |= flag;
}

/** `c` may be -1 (outside the text) or any UTF-16 code unit: only ASCII is in a class. */
function inClass(c: number, flag: number): boolean {
  return c >= 0 && c < 128 && (CLASSES[c] & flag) !== 0;
}

export const isAlnum = (c: number): boolean => inClass(c, ALNUM);
export const isNameChar = (c: number): boolean => inClass(c, NAME);
export const isTypeChar = (c: number): boolean => inClass(c, TYPE);
export const isSchemeChar = (c: number): boolean => inClass(c, SCHEME);
export const isHostChar = (c: number): boolean => inClass(c, HOST);
