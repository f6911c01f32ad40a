// Raw CBC encryption without padding, for AES, 3DES and DES. ESP adds its own RFC 4303 padding
// and IKEv1 (RFC 2409 appendix B) pads its messages itself, so neither wants PKCS#7.
// Used by the ESP suites and by IKEv1 for messages 5/6 and quick mode.
import { createAesBlock, type AesBlockCipher } from './aes-block.ts';
import { des, tripleDes, type Block64Cipher } from './des.ts';

export type CbcAlgorithm = 'aes' | '3des' | 'des';

/** Block size in bytes, which is also the IV length. */
export function cbcBlockSize(algorithm: CbcAlgorithm): number {
  return algorithm === 'aes' ? 16 : 8;
}

/** Valid key lengths in bytes: AES 16/24/32, 3DES 24, DES 8. */
export function cbcKeyLengths(algorithm: CbcAlgorithm): readonly number[] {
  return algorithm === 'aes' ? [16, 24, 32] : algorithm === '3des' ? [24] : [8];
}

function check(algorithm: CbcAlgorithm, key: Uint8Array, iv: Uint8Array, data: Uint8Array): void {
  const block = cbcBlockSize(algorithm);
  if (!cbcKeyLengths(algorithm).includes(key.length)) {
    throw new RangeError(`${algorithm}-cbc: key of ${key.length} bytes (want ${cbcKeyLengths(algorithm).join('/')})`);
  }
  if (iv.length !== block) throw new RangeError(`${algorithm}-cbc: IV of ${iv.length} bytes (want ${block})`);
  if (data.length % block !== 0) {
    throw new RangeError(`${algorithm}-cbc: ${data.length} bytes is not a multiple of the ${block}-byte block`);
  }
}

function block64(algorithm: '3des' | 'des', key: Uint8Array): Block64Cipher {
  return algorithm === '3des' ? tripleDes(key) : des(key);
}

const readWord = (b: Uint8Array, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

function writeWord(b: Uint8Array, at: number, w: number): void {
  b[at] = w >>> 24;
  b[at + 1] = w >>> 16;
  b[at + 2] = w >>> 8;
  b[at + 3] = w;
}

/** AES-CBC over one key schedule, expanded once here rather than per message. */
function aesCbc(key: Uint8Array): KeyedCbc {
  const k = key.slice();
  const aes: AesBlockCipher = createAesBlock(k);
  const s = new Uint32Array(4);
  return {
    algorithm: 'aes',
    blockSize: 16,
    encrypt(iv, data) {
      check('aes', k, iv, data);
      const out = new Uint8Array(data.length);
      let p0 = readWord(iv, 0), p1 = readWord(iv, 4), p2 = readWord(iv, 8), p3 = readWord(iv, 12);
      for (let at = 0; at < data.length; at += 16) {
        s[0] = readWord(data, at) ^ p0;
        s[1] = readWord(data, at + 4) ^ p1;
        s[2] = readWord(data, at + 8) ^ p2;
        s[3] = readWord(data, at + 12) ^ p3;
        aes.encryptWords(s);
        p0 = s[0]!; p1 = s[1]!; p2 = s[2]!; p3 = s[3]!;
        writeWord(out, at, p0); writeWord(out, at + 4, p1); writeWord(out, at + 8, p2); writeWord(out, at + 12, p3);
      }
      return out;
    },
    decrypt(iv, data) {
      check('aes', k, iv, data);
      const out = new Uint8Array(data.length);
      let p0 = readWord(iv, 0), p1 = readWord(iv, 4), p2 = readWord(iv, 8), p3 = readWord(iv, 12);
      for (let at = 0; at < data.length; at += 16) {
        const c0 = readWord(data, at), c1 = readWord(data, at + 4), c2 = readWord(data, at + 8), c3 = readWord(data, at + 12);
        s[0] = c0; s[1] = c1; s[2] = c2; s[3] = c3;
        aes.decryptWords(s);
        writeWord(out, at, s[0]! ^ p0); writeWord(out, at + 4, s[1]! ^ p1); writeWord(out, at + 8, s[2]! ^ p2); writeWord(out, at + 12, s[3]! ^ p3);
        p0 = c0; p1 = c1; p2 = c2; p3 = c3;
      }
      return out;
    },
  };
}

/** A CBC cipher bound to one key: the AES/DES/3DES key schedule is computed once, not per message. */
export interface KeyedCbc {
  readonly algorithm: CbcAlgorithm;
  readonly blockSize: number;
  encrypt(iv: Uint8Array, data: Uint8Array): Uint8Array;
  decrypt(iv: Uint8Array, data: Uint8Array): Uint8Array;
}

/** Throws RangeError on a wrong key length, and (from encrypt/decrypt) on a wrong IV or a partial block. */
export function createCbc(algorithm: CbcAlgorithm, key: Uint8Array): KeyedCbc {
  const blockSize = cbcBlockSize(algorithm);
  check(algorithm, key, new Uint8Array(blockSize), new Uint8Array(0));
  if (algorithm === 'aes') return aesCbc(key);
  const c = block64(algorithm, key);
  return {
    algorithm,
    blockSize,
    encrypt(iv, data) {
      check(algorithm, key, iv, data);
      const out = new Uint8Array(data.length);
      const x = new Uint8Array(8);
      let prev: Uint8Array = iv;
      let prevAt = 0;
      for (let at = 0; at < data.length; at += 8) {
        for (let i = 0; i < 8; i++) x[i] = data[at + i]! ^ prev[prevAt + i]!;
        c.encryptBlock(x, 0, out, at);
        prev = out;
        prevAt = at;
      }
      return out;
    },
    decrypt(iv, data) {
      check(algorithm, key, iv, data);
      const out = new Uint8Array(data.length);
      for (let at = 0; at < data.length; at += 8) {
        c.decryptBlock(data, at, out, at);
        const prev = at === 0 ? iv : data;
        const prevAt = at === 0 ? 0 : at - 8;
        for (let i = 0; i < 8; i++) out[at + i] = out[at + i]! ^ prev[prevAt + i]!;
      }
      return out;
    },
  };
}

/**
 * CBC-encrypts `data` (a whole number of blocks) under `key` and `iv`, with no padding.
 * Throws RangeError on a wrong key/IV length or a partial block: those are caller bugs; check
 * received lengths with cbcBlockSize() before calling. For many messages under one key, use
 * createCbc().
 */
export function cbcEncrypt(algorithm: CbcAlgorithm, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return createCbc(algorithm, key).encrypt(iv, data);
}

/** CBC-decrypts `data` (a whole number of blocks); the inverse of cbcEncrypt. Same RangeErrors. */
export function cbcDecrypt(algorithm: CbcAlgorithm, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return createCbc(algorithm, key).decrypt(iv, data);
}

/** The last ciphertext block: IKEv1 chains the next message's IV from it (RFC 2409 appendix B). */
export function lastBlock(algorithm: CbcAlgorithm, ciphertext: Uint8Array): Uint8Array {
  const block = cbcBlockSize(algorithm);
  return ciphertext.slice(ciphertext.length - block);
}
