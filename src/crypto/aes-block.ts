// The AES block cipher (FIPS 197) with its key schedule computed once per key. ESP encrypts
// every packet of an SA under the same key, and @noble/ciphers' stable cbc() expands the key on
// every call (its pre-expanded-key helpers are exported only as "unsafe, may change"), so the
// CBC mode in cbc.ts chains over this instead. Classic 32-bit T-table form, big-endian words;
// decryption uses the equivalent inverse cipher (FIPS 197 5.3.5). Checked against the FIPS 197
// appendix C vectors and against noble's cbc() in aes-block.test.ts.

const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
const TE = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)] as const;
const TD = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)] as const;

/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
function gmul(a: number, b: number): number {
  let p = 0;
  for (let i = 0; i < 8; i++) {
    if (b & 1) p ^= a;
    const hi = a & 0x80;
    a = (a << 1) & 0xff;
    if (hi) a ^= 0x1b;
    b >>= 1;
  }
  return p;
}

const rotr8 = (w: number): number => ((w >>> 8) | (w << 24)) >>> 0;

(function buildTables() {
  // S-box: multiplicative inverse (walking the generator 3 and its inverse 0xf6) + affine map.
  let p = 1;
  let q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const x = q ^ ((q << 1) | (q >>> 7)) ^ ((q << 2) | (q >>> 6)) ^ ((q << 3) | (q >>> 5)) ^ ((q << 4) | (q >>> 4));
    SBOX[p] = (x ^ 0x63) & 0xff;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let i = 0; i < 256; i++) INV_SBOX[SBOX[i]!] = i;
  for (let i = 0; i < 256; i++) {
    const s = SBOX[i]!;
    let te = ((gmul(s, 2) << 24) | (s << 16) | (s << 8) | gmul(s, 3)) >>> 0;
    const si = INV_SBOX[i]!;
    let td = ((gmul(si, 14) << 24) | (gmul(si, 9) << 16) | (gmul(si, 13) << 8) | gmul(si, 11)) >>> 0;
    for (const [t, table] of TE.entries()) {
      table[i] = te;
      TD[t]![i] = td;
      te = rotr8(te);
      td = rotr8(td);
    }
  }
})();

const [TE0, TE1, TE2, TE3] = TE;
const [TD0, TD1, TD2, TD3] = TD;

function subWord(w: number): number {
  return ((SBOX[w >>> 24]! << 24) | (SBOX[(w >>> 16) & 0xff]! << 16) | (SBOX[(w >>> 8) & 0xff]! << 8) | SBOX[w & 0xff]!) >>> 0;
}

/** One AES key, expanded once. The block functions work in place on four big-endian words. */
export interface AesBlockCipher {
  /** Encrypts the block held in s[0..3] in place. */
  encryptWords(s: Uint32Array): void;
  /** Decrypts the block held in s[0..3] in place. */
  decryptWords(s: Uint32Array): void;
}

/** Throws RangeError unless the key is 16, 24 or 32 bytes. */
export function createAesBlock(key: Uint8Array): AesBlockCipher {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new RangeError(`aes: key of ${key.length} bytes (want 16/24/32)`);
  }
  const nk = key.length / 4;
  const rounds = nk + 6;
  const total = 4 * (rounds + 1);
  const ek = new Uint32Array(total);
  for (let i = 0; i < nk; i++) {
    ek[i] = ((key[4 * i]! << 24) | (key[4 * i + 1]! << 16) | (key[4 * i + 2]! << 8) | key[4 * i + 3]!) >>> 0;
  }
  let rcon = 1;
  for (let i = nk; i < total; i++) {
    let t = ek[i - 1]!;
    if (i % nk === 0) {
      t = (subWord(((t << 8) | (t >>> 24)) >>> 0) ^ (rcon << 24)) >>> 0;
      rcon = gmul(rcon, 2);
    } else if (nk > 6 && i % nk === 4) {
      t = subWord(t);
    }
    ek[i] = ek[i - nk]! ^ t;
  }
  // Equivalent inverse cipher: round keys in reverse order, InvMixColumns on the middle ones.
  const dk = new Uint32Array(total);
  for (let r = 0; r <= rounds; r++) {
    for (let j = 0; j < 4; j++) {
      const w = ek[4 * (rounds - r) + j]!;
      dk[4 * r + j] =
        r === 0 || r === rounds
          ? w
          : TD0[SBOX[w >>> 24]!]! ^ TD1[SBOX[(w >>> 16) & 0xff]!]! ^ TD2[SBOX[(w >>> 8) & 0xff]!]! ^ TD3[SBOX[w & 0xff]!]!;
    }
  }

  return {
    encryptWords(s) {
      let s0 = s[0]! ^ ek[0]!;
      let s1 = s[1]! ^ ek[1]!;
      let s2 = s[2]! ^ ek[2]!;
      let s3 = s[3]! ^ ek[3]!;
      let k = 4;
      for (let r = 1; r < rounds; r++, k += 4) {
        const t0 = TE0[s0 >>> 24]! ^ TE1[(s1 >>> 16) & 0xff]! ^ TE2[(s2 >>> 8) & 0xff]! ^ TE3[s3 & 0xff]! ^ ek[k]!;
        const t1 = TE0[s1 >>> 24]! ^ TE1[(s2 >>> 16) & 0xff]! ^ TE2[(s3 >>> 8) & 0xff]! ^ TE3[s0 & 0xff]! ^ ek[k + 1]!;
        const t2 = TE0[s2 >>> 24]! ^ TE1[(s3 >>> 16) & 0xff]! ^ TE2[(s0 >>> 8) & 0xff]! ^ TE3[s1 & 0xff]! ^ ek[k + 2]!;
        const t3 = TE0[s3 >>> 24]! ^ TE1[(s0 >>> 16) & 0xff]! ^ TE2[(s1 >>> 8) & 0xff]! ^ TE3[s2 & 0xff]! ^ ek[k + 3]!;
        s0 = t0;
        s1 = t1;
        s2 = t2;
        s3 = t3;
      }
      s[0] = ((SBOX[s0 >>> 24]! << 24) | (SBOX[(s1 >>> 16) & 0xff]! << 16) | (SBOX[(s2 >>> 8) & 0xff]! << 8) | SBOX[s3 & 0xff]!) ^ ek[k]!;
      s[1] = ((SBOX[s1 >>> 24]! << 24) | (SBOX[(s2 >>> 16) & 0xff]! << 16) | (SBOX[(s3 >>> 8) & 0xff]! << 8) | SBOX[s0 & 0xff]!) ^ ek[k + 1]!;
      s[2] = ((SBOX[s2 >>> 24]! << 24) | (SBOX[(s3 >>> 16) & 0xff]! << 16) | (SBOX[(s0 >>> 8) & 0xff]! << 8) | SBOX[s1 & 0xff]!) ^ ek[k + 2]!;
      s[3] = ((SBOX[s3 >>> 24]! << 24) | (SBOX[(s0 >>> 16) & 0xff]! << 16) | (SBOX[(s1 >>> 8) & 0xff]! << 8) | SBOX[s2 & 0xff]!) ^ ek[k + 3]!;
    },
    decryptWords(s) {
      let s0 = s[0]! ^ dk[0]!;
      let s1 = s[1]! ^ dk[1]!;
      let s2 = s[2]! ^ dk[2]!;
      let s3 = s[3]! ^ dk[3]!;
      let k = 4;
      for (let r = 1; r < rounds; r++, k += 4) {
        const t0 = TD0[s0 >>> 24]! ^ TD1[(s3 >>> 16) & 0xff]! ^ TD2[(s2 >>> 8) & 0xff]! ^ TD3[s1 & 0xff]! ^ dk[k]!;
        const t1 = TD0[s1 >>> 24]! ^ TD1[(s0 >>> 16) & 0xff]! ^ TD2[(s3 >>> 8) & 0xff]! ^ TD3[s2 & 0xff]! ^ dk[k + 1]!;
        const t2 = TD0[s2 >>> 24]! ^ TD1[(s1 >>> 16) & 0xff]! ^ TD2[(s0 >>> 8) & 0xff]! ^ TD3[s3 & 0xff]! ^ dk[k + 2]!;
        const t3 = TD0[s3 >>> 24]! ^ TD1[(s2 >>> 16) & 0xff]! ^ TD2[(s1 >>> 8) & 0xff]! ^ TD3[s0 & 0xff]! ^ dk[k + 3]!;
        s0 = t0;
        s1 = t1;
        s2 = t2;
        s3 = t3;
      }
      s[0] = ((INV_SBOX[s0 >>> 24]! << 24) | (INV_SBOX[(s3 >>> 16) & 0xff]! << 16) | (INV_SBOX[(s2 >>> 8) & 0xff]! << 8) | INV_SBOX[s1 & 0xff]!) ^ dk[k]!;
      s[1] = ((INV_SBOX[s1 >>> 24]! << 24) | (INV_SBOX[(s0 >>> 16) & 0xff]! << 16) | (INV_SBOX[(s3 >>> 8) & 0xff]! << 8) | INV_SBOX[s2 & 0xff]!) ^ dk[k + 1]!;
      s[2] = ((INV_SBOX[s2 >>> 24]! << 24) | (INV_SBOX[(s1 >>> 16) & 0xff]! << 16) | (INV_SBOX[(s0 >>> 8) & 0xff]! << 8) | INV_SBOX[s3 & 0xff]!) ^ dk[k + 2]!;
      s[3] = ((INV_SBOX[s3 >>> 24]! << 24) | (INV_SBOX[(s2 >>> 16) & 0xff]! << 16) | (INV_SBOX[(s1 >>> 8) & 0xff]! << 8) | INV_SBOX[s0 & 0xff]!) ^ dk[k + 3]!;
    },
  };
}
