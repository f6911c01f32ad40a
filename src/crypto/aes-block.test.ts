import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cbc } from '@noble/ciphers/aes.js';
import { bytesToHex, hexToBytes } from '@noble/ciphers/utils.js';
import { createAesBlock } from './aes-block.ts';

const PLAIN = '00112233445566778899aabbccddeeff';

function toWords(hex: string): Uint32Array {
  const b = hexToBytes(hex);
  const w = new Uint32Array(4);
  for (let i = 0; i < 4; i++) w[i] = ((b[4 * i]! << 24) | (b[4 * i + 1]! << 16) | (b[4 * i + 2]! << 8) | b[4 * i + 3]!) >>> 0;
  return w;
}
const toHex = (w: Uint32Array) => Array.from(w, (x) => x.toString(16).padStart(8, '0')).join('');

describe('AES block cipher with a once-expanded key', () => {
  // FIPS 197 appendix C.1-C.3.
  it.each([
    ['000102030405060708090a0b0c0d0e0f', '69c4e0d86a7b0430d8cdb78070b4c55a'],
    ['000102030405060708090a0b0c0d0e0f1011121314151617', 'dda97ca4864cdfe06eaf70a0ec0d7191'],
    ['000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', '8ea2b7ca516745bfeafc49904b496089'],
  ])('FIPS 197 appendix C, key %s', (key, cipher) => {
    const aes = createAesBlock(hexToBytes(key));
    const s = toWords(PLAIN);
    aes.encryptWords(s);
    expect(toHex(s)).toBe(cipher);
    aes.decryptWords(s);
    expect(toHex(s)).toBe(PLAIN);
  });

  it('one block under a reused instance matches @noble/ciphers for every key size (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(16, 24, 32), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { minLength: 1, maxLength: 4 }), (len, keySeed, blocks) => {
        const key = keySeed.slice(0, len);
        const aes = createAesBlock(key);
        for (const block of blocks) {
          const s = toWords(bytesToHex(block));
          aes.encryptWords(s);
          expect(toHex(s)).toBe(bytesToHex(cbc(key, new Uint8Array(16), { disablePadding: true }).encrypt(block)));
          aes.decryptWords(s);
          expect(toHex(s)).toBe(bytesToHex(block));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a key that is not 16, 24 or 32 bytes', () => {
    expect(() => createAesBlock(new Uint8Array(20))).toThrow(RangeError);
  });
});
