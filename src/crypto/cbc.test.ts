import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from '@noble/ciphers/utils.js';
import { cbcBlockSize, cbcDecrypt, cbcEncrypt, createCbc, lastBlock, type CbcAlgorithm } from './cbc.ts';
import vectors from './fixtures/cbc_vectors.json';

describe('raw CBC', () => {
  it('RFC 3602 case 1: AES-128-CBC, one block', () => {
    const ct = cbcEncrypt('aes', hexToBytes('06a9214036b8a15b512e03d534120006'), hexToBytes('3dafba429d9eb430b422da802c9fac41'), new TextEncoder().encode('Single block msg'));
    expect(bytesToHex(ct)).toBe('e353779c1079aeb82708942dbe77181a');
  });

  it('RFC 3602 case 2: AES-128-CBC, two blocks', () => {
    const pt = hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
    const key = hexToBytes('c286696d887c9aa0611bbb3e2025a45a');
    const iv = hexToBytes('562e17996d093d28ddb3ba695a2e6f58');
    const ct = cbcEncrypt('aes', key, iv, pt);
    expect(bytesToHex(ct)).toBe('d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1');
    expect(bytesToHex(cbcDecrypt('aes', key, iv, ct))).toBe(bytesToHex(pt));
  });

  it.each(vectors.cases.map((c, i) => [`${c.algorithm} key ${c.key.length / 2} bytes, ${c.plaintext.length / 2} bytes #${i}`, c] as const))(
    'matches pyca/cryptography: %s',
    (_name, c) => {
      const alg = c.algorithm as CbcAlgorithm;
      const ct = cbcEncrypt(alg, hexToBytes(c.key), hexToBytes(c.iv), hexToBytes(c.plaintext));
      expect(bytesToHex(ct)).toBe(c.ciphertext);
      expect(bytesToHex(cbcDecrypt(alg, hexToBytes(c.key), hexToBytes(c.iv), ct))).toBe(c.plaintext);
    },
  );

  it('decrypt(encrypt(x)) = x for every algorithm (property)', () => {
    const algs: [CbcAlgorithm, number][] = [['aes', 16], ['aes', 24], ['aes', 32], ['3des', 24], ['des', 8]];
    fc.assert(
      fc.property(fc.constantFrom(...algs), fc.integer({ min: 0, max: 6 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 128, maxLength: 128 }), ([alg, keyLen], blocks, keySeed, data) => {
        const bs = cbcBlockSize(alg);
        const key = keySeed.slice(0, keyLen);
        const iv = data.slice(0, bs);
        const pt = data.slice(0, blocks * bs);
        const ct = cbcEncrypt(alg, key, iv, pt);
        expect(ct.length).toBe(pt.length);
        expect(cbcDecrypt(alg, key, iv, ct)).toEqual(pt);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a partial block, a wrong IV and a wrong key with RangeError', () => {
    expect(() => cbcEncrypt('aes', new Uint8Array(16), new Uint8Array(16), new Uint8Array(15))).toThrow(RangeError);
    expect(() => cbcDecrypt('3des', new Uint8Array(24), new Uint8Array(16), new Uint8Array(8))).toThrow(RangeError);
    expect(() => cbcEncrypt('des', new Uint8Array(16), new Uint8Array(8), new Uint8Array(8))).toThrow(RangeError);
  });

  it('lastBlock gives the IKEv1 IV chaining block', () => {
    const ct = cbcEncrypt('3des', new Uint8Array(24).fill(1), new Uint8Array(8), new Uint8Array(24));
    expect(lastBlock('3des', ct)).toEqual(ct.slice(16));
  });
});

describe('createCbc (one key, many messages)', () => {
  it('gives the same bytes as the one-shot calls, message after message', () => {
    for (const c of vectors.cases) {
      const alg = c.algorithm as CbcAlgorithm;
      const keyed = createCbc(alg, hexToBytes(c.key));
      for (let round = 0; round < 2; round++) {
        const ct = keyed.encrypt(hexToBytes(c.iv), hexToBytes(c.plaintext));
        expect(bytesToHex(ct)).toBe(c.ciphertext);
        expect(bytesToHex(keyed.decrypt(hexToBytes(c.iv), ct))).toBe(c.plaintext);
      }
    }
  });

  it('checks the key at creation and the IV and length per message', () => {
    expect(() => createCbc('3des', new Uint8Array(16))).toThrow(RangeError);
    const k = createCbc('des', new Uint8Array(8));
    expect(() => k.encrypt(new Uint8Array(16), new Uint8Array(8))).toThrow(RangeError);
    expect(() => k.decrypt(new Uint8Array(8), new Uint8Array(9))).toThrow(RangeError);
  });
});
