// IKEv1 key derivation for pre-shared keys (RFC 2409 §5, §5.5, Appendix B). The PRF is the HMAC
// of the negotiated hash (IOS negotiates no separate PRF attribute). Names follow the RFC:
// `_b` means a payload's body without its 4-byte generic header.
import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

export type IkeHash = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';

const HASHES = { md5, sha1, sha256, sha384, sha512 } as const;

export function hash(h: IkeHash, ...parts: Uint8Array[]): Uint8Array {
  return HASHES[h](concat(...parts));
}

/** prf(key, msg) = HMAC-hash(key, msg). */
export function prf(h: IkeHash, key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  return hmac(HASHES[h], key, concat(...parts));
}

/** SKEYID for pre-shared keys: prf(pre-shared-key, Ni_b | Nr_b). */
export function skeyidPsk(h: IkeHash, psk: Uint8Array, niB: Uint8Array, nrB: Uint8Array): Uint8Array {
  return prf(h, psk, niB, nrB);
}

export interface SkeyidSet {
  skeyid: Uint8Array;
  /** Keys phase 2 (KEYMAT). */
  d: Uint8Array;
  /** Authenticates ISAKMP messages after main mode (HASH(1..3), informational hashes). */
  a: Uint8Array;
  /** Source of the ISAKMP encryption key. */
  e: Uint8Array;
}

/** SKEYID_d, SKEYID_a, SKEYID_e (RFC 2409 §5). */
export function deriveSkeyids(h: IkeHash, skeyid: Uint8Array, gxy: Uint8Array, ckyI: Uint8Array, ckyR: Uint8Array): SkeyidSet {
  const d = prf(h, skeyid, gxy, ckyI, ckyR, new Uint8Array([0]));
  const a = prf(h, skeyid, d, gxy, ckyI, ckyR, new Uint8Array([1]));
  const e = prf(h, skeyid, a, gxy, ckyI, ckyR, new Uint8Array([2]));
  return { skeyid, d, a, e };
}

/**
 * The ISAKMP encryption key of `keyLen` bytes: the leading bytes of SKEYID_e, or, when SKEYID_e
 * is too short (AES-256 with SHA-1), Ka = K1 | K2 | ... with K1 = prf(SKEYID_e, 0) and
 * Kn = prf(SKEYID_e, Kn-1) (RFC 2409 Appendix B).
 */
export function encryptionKey(h: IkeHash, skeyidE: Uint8Array, keyLen: number): Uint8Array {
  if (skeyidE.length >= keyLen) return skeyidE.slice(0, keyLen);
  const blocks: Uint8Array[] = [];
  let k = prf(h, skeyidE, new Uint8Array([0]));
  let total = 0;
  for (;;) {
    blocks.push(k);
    total += k.length;
    if (total >= keyLen) break;
    k = prf(h, skeyidE, k);
  }
  return concat(...blocks).slice(0, keyLen);
}

/** The IV of main mode message 5: hash(g^xi | g^xr), cut to the cipher block size. */
export function phase1Iv(h: IkeHash, gxi: Uint8Array, gxr: Uint8Array, blockSize: number): Uint8Array {
  return hash(h, gxi, gxr).slice(0, blockSize);
}

/**
 * The first IV of a quick mode or informational exchange: hash(last phase-1 CBC output block |
 * M-ID), cut to the block size. Later messages of the exchange chain on the last cipher block.
 */
export function phase2Iv(h: IkeHash, lastPhase1Block: Uint8Array, messageId: number, blockSize: number): Uint8Array {
  return hash(h, lastPhase1Block, u32(messageId)).slice(0, blockSize);
}

/** HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b). */
export function hashI(h: IkeHash, skeyid: Uint8Array, gxi: Uint8Array, gxr: Uint8Array, ckyI: Uint8Array, ckyR: Uint8Array, saiB: Uint8Array, idiiB: Uint8Array): Uint8Array {
  return prf(h, skeyid, gxi, gxr, ckyI, ckyR, saiB, idiiB);
}

/** HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b). */
export function hashR(h: IkeHash, skeyid: Uint8Array, gxi: Uint8Array, gxr: Uint8Array, ckyI: Uint8Array, ckyR: Uint8Array, saiB: Uint8Array, idirB: Uint8Array): Uint8Array {
  return prf(h, skeyid, gxr, gxi, ckyR, ckyI, saiB, idirB);
}

/** Quick mode HASH(1) = prf(SKEYID_a, M-ID | every payload after HASH(1), with headers). */
export function qmHash1(h: IkeHash, skeyidA: Uint8Array, messageId: number, rest: Uint8Array): Uint8Array {
  return prf(h, skeyidA, u32(messageId), rest);
}

/** Quick mode HASH(2) = prf(SKEYID_a, M-ID | Ni_b | every payload after HASH(2)). */
export function qmHash2(h: IkeHash, skeyidA: Uint8Array, messageId: number, niB: Uint8Array, rest: Uint8Array): Uint8Array {
  return prf(h, skeyidA, u32(messageId), niB, rest);
}

/** Quick mode HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b). */
export function qmHash3(h: IkeHash, skeyidA: Uint8Array, messageId: number, niB: Uint8Array, nrB: Uint8Array): Uint8Array {
  return prf(h, skeyidA, new Uint8Array([0]), u32(messageId), niB, nrB);
}

/** Informational exchange HASH(1) = prf(SKEYID_a, M-ID | N/D payload). */
export function infoHash(h: IkeHash, skeyidA: Uint8Array, messageId: number, rest: Uint8Array): Uint8Array {
  return prf(h, skeyidA, u32(messageId), rest);
}

/**
 * KEYMAT for one direction of one IPsec SA, `len` bytes: K1 = prf(SKEYID_d, [g(qm)^xy |]
 * protocol | SPI | Ni_b | Nr_b), Kn = prf(SKEYID_d, Kn-1 | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b).
 * The SPI is the one the receiving side of that direction chose.
 */
export function keymat(h: IkeHash, skeyidD: Uint8Array, protocol: number, spi: Uint8Array, niB: Uint8Array, nrB: Uint8Array, len: number, gqmxy?: Uint8Array): Uint8Array {
  const seed = concat(gqmxy ?? new Uint8Array(0), new Uint8Array([protocol]), spi, niB, nrB);
  const blocks: Uint8Array[] = [];
  let total = 0;
  let prev: Uint8Array = new Uint8Array(0);
  while (total < len) {
    prev = prf(h, skeyidD, prev, seed);
    blocks.push(prev);
    total += prev.length;
  }
  return concat(...blocks).slice(0, len);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function u32(v: number): Uint8Array {
  return new Uint8Array([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}
