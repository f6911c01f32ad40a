// DES and Triple DES (EDE) block ciphers, FIPS 46-3 / SP 800-67. @noble/ciphers has no DES, and
// IOS still offers esp-des / esp-3des (and IKE `encryption des` / `3des`), so the lab needs it.
// Written from the standard's tables; the per-block work uses lookup tables built once at load:
// byte-wise tables for the initial and final permutations, and combined S-box+P tables.
// Not constant-time: this is a teaching lab, not a product protecting secrets.

// --- FIPS 46-3 tables (bit positions counted from 1 = most significant bit) ---

const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];

const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];

const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];

const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];

const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];

const S: number[][] = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

// --- Tables derived once ---

/** Inverse of a 1-based permutation table. */
function inverse(table: number[]): number[] {
  const inv = new Array<number>(table.length);
  table.forEach((from, to) => (inv[from - 1] = to + 1));
  return inv;
}

/**
 * For a 64-bit permutation, per input byte position and byte value, the (hi, lo) words of the
 * output contribution, so a permutation is 8 lookups and ORs.
 */
function byteTables(table: number[]): Uint32Array {
  const out = new Uint32Array(8 * 256 * 2);
  for (let pos = 0; pos < 8; pos++) {
    for (let v = 0; v < 256; v++) {
      let hi = 0;
      let lo = 0;
      table.forEach((from, to) => {
        const bit = from - 1;
        if ((bit >> 3) !== pos) return;
        if (!((v >> (7 - (bit & 7))) & 1)) return;
        if (to < 32) hi |= 1 << (31 - to);
        else lo |= 1 << (63 - to);
      });
      out[(pos * 256 + v) * 2] = hi >>> 0;
      out[(pos * 256 + v) * 2 + 1] = lo >>> 0;
    }
  }
  return out;
}

const IP_TABLE = byteTables(IP);
const FP_TABLE = byteTables(inverse(IP));

/** SP[box * 64 + six bits]: S-box output placed in its nibble and passed through P. */
const SP = (() => {
  const sp = new Uint32Array(8 * 64);
  for (let box = 0; box < 8; box++) {
    for (let x = 0; x < 64; x++) {
      const row = ((x >> 4) & 2) | (x & 1);
      const col = (x >> 1) & 15;
      const nibble = S[box]![row * 16 + col]!;
      const before = nibble << (28 - 4 * box);
      let after = 0;
      P.forEach((from, to) => {
        if ((before >>> (32 - from)) & 1) after |= 1 << (31 - to);
      });
      sp[box * 64 + x] = after >>> 0;
    }
  }
  return sp;
})();

function permute64(table: Uint32Array, block: Uint8Array, at: number): [number, number] {
  let hi = 0;
  let lo = 0;
  for (let pos = 0; pos < 8; pos++) {
    const i = (pos * 256 + block[at + pos]!) * 2;
    hi |= table[i]!;
    lo |= table[i + 1]!;
  }
  return [hi >>> 0, lo >>> 0];
}

function bitOf(key: Uint8Array, pos1: number): number {
  const bit = pos1 - 1;
  return (key[bit >> 3]! >> (7 - (bit & 7))) & 1;
}

/** The 16 round keys, each as 8 six-bit groups (S-box order). Parity bits are ignored, as in the standard. */
export function desKeySchedule(key: Uint8Array): Uint8Array {
  if (key.length !== 8) throw new RangeError(`DES key must be 8 bytes, got ${key.length}`);
  const cd = PC1.map((p) => bitOf(key, p));
  let c = cd.slice(0, 28);
  let d = cd.slice(28);
  const out = new Uint8Array(16 * 8);
  for (let round = 0; round < 16; round++) {
    const s = SHIFTS[round]!;
    c = c.slice(s).concat(c.slice(0, s));
    d = d.slice(s).concat(d.slice(0, s));
    const both = c.concat(d);
    const k = PC2.map((p) => both[p - 1]!);
    for (let g = 0; g < 8; g++) {
      let six = 0;
      for (let b = 0; b < 6; b++) six = (six << 1) | k[g * 6 + b]!;
      out[round * 8 + g] = six;
    }
  }
  return out;
}

function f(r: number, keys: Uint8Array, round: number): number {
  // E expansion: group g holds input bits 4g-1 .. 4g+4 (1-based, wrapping), i.e. R rotated left
  // by 4g-1 then its top six bits.
  let out = 0;
  const k = round * 8;
  for (let g = 0; g < 8; g++) {
    const shift = 4 * g - 1;
    const rot = shift < 0 ? ((r >>> 1) | (r << 31)) : shift === 0 ? r : ((r << shift) | (r >>> (32 - shift)));
    const six = ((rot >>> 26) & 63) ^ keys[k + g]!;
    out |= SP[g * 64 + six]!;
  }
  return out >>> 0;
}

/** One DES block, in place into `out` at `outAt`. `decrypt` runs the round keys backwards. */
export function desBlock(keys: Uint8Array, decrypt: boolean, input: Uint8Array, inAt: number, out: Uint8Array, outAt: number): void {
  let [l, r] = permute64(IP_TABLE, input, inAt);
  for (let i = 0; i < 16; i++) {
    const round = decrypt ? 15 - i : i;
    const next = (l ^ f(r, keys, round)) >>> 0;
    l = r;
    r = next;
  }
  // Final swap: the preoutput block is R16 L16.
  const pre = new Uint8Array(8);
  pre[0] = r >>> 24; pre[1] = r >>> 16; pre[2] = r >>> 8; pre[3] = r;
  pre[4] = l >>> 24; pre[5] = l >>> 16; pre[6] = l >>> 8; pre[7] = l;
  const [hi, lo] = permute64(FP_TABLE, pre, 0);
  out[outAt] = hi >>> 24; out[outAt + 1] = hi >>> 16; out[outAt + 2] = hi >>> 8; out[outAt + 3] = hi;
  out[outAt + 4] = lo >>> 24; out[outAt + 5] = lo >>> 16; out[outAt + 6] = lo >>> 8; out[outAt + 7] = lo;
}

/** A 64-bit block cipher: DES (8-byte key) or Triple DES EDE (24-byte key, K1 K2 K3). */
export interface Block64Cipher {
  readonly blockSize: 8;
  encryptBlock(input: Uint8Array, inAt: number, out: Uint8Array, outAt: number): void;
  decryptBlock(input: Uint8Array, inAt: number, out: Uint8Array, outAt: number): void;
}

export function des(key: Uint8Array): Block64Cipher {
  const keys = desKeySchedule(key);
  return {
    blockSize: 8,
    encryptBlock: (i, ia, o, oa) => desBlock(keys, false, i, ia, o, oa),
    decryptBlock: (i, ia, o, oa) => desBlock(keys, true, i, ia, o, oa),
  };
}

/** Triple DES, EDE with three keys (SP 800-67 keying option 1; 24-byte key as IOS uses). */
export function tripleDes(key: Uint8Array): Block64Cipher {
  if (key.length !== 24) throw new RangeError(`3DES key must be 24 bytes, got ${key.length}`);
  const k1 = desKeySchedule(key.subarray(0, 8));
  const k2 = desKeySchedule(key.subarray(8, 16));
  const k3 = desKeySchedule(key.subarray(16, 24));
  const tmp = new Uint8Array(8);
  return {
    blockSize: 8,
    encryptBlock(i, ia, o, oa) {
      desBlock(k1, false, i, ia, tmp, 0);
      desBlock(k2, true, tmp, 0, tmp, 0);
      desBlock(k3, false, tmp, 0, o, oa);
    },
    decryptBlock(i, ia, o, oa) {
      desBlock(k3, true, i, ia, tmp, 0);
      desBlock(k2, false, tmp, 0, tmp, 0);
      desBlock(k1, true, tmp, 0, o, oa);
    },
  };
}
