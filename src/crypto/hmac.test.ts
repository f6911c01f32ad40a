import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { bytesEqual, hmacOnce, keyedHmac } from './hmac.ts';
import type { HashName } from './esp-transforms.ts';

const text = (s: string) => new TextEncoder().encode(s);
const hiThere = text('Hi There');
const jefe = text('Jefe');
const want = text('what do ya want for nothing?');

describe('HMAC known answers', () => {
  const cases: [string, HashName, Uint8Array, Uint8Array, string][] = [
    ['RFC 2202 HMAC-MD5 case 1', 'md5', new Uint8Array(16).fill(0x0b), hiThere, '9294727a3638bb1c13f48ef8158bfc9d'],
    ['RFC 2202 HMAC-MD5 case 2', 'md5', jefe, want, '750c783e6ab0b503eaa86e310a5db738'],
    ['RFC 2202 HMAC-SHA1 case 1', 'sha1', new Uint8Array(20).fill(0x0b), hiThere, 'b617318655057264e28bc0b6fb378c8ef146be00'],
    ['RFC 2202 HMAC-SHA1 case 2', 'sha1', jefe, want, 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79'],
    ['RFC 4231 case 1 SHA-256', 'sha256', new Uint8Array(20).fill(0x0b), hiThere, 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['RFC 4231 case 2 SHA-256', 'sha256', jefe, want, '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['RFC 4231 case 1 SHA-384', 'sha384', new Uint8Array(20).fill(0x0b), hiThere, 'afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6'],
    ['RFC 4231 case 1 SHA-512', 'sha512', new Uint8Array(20).fill(0x0b), hiThere, '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854'],
  ];
  it.each(cases)('%s', (_n, hash, key, data, hex) => {
    expect(bytesToHex(hmacOnce(hash, key, data))).toBe(hex);
    expect(bytesToHex(keyedHmac(hash, key).mac(data))).toBe(hex);
  });

  it('truncates as RFC 2404 (HMAC-SHA-1-96) and RFC 4868 (HMAC-SHA-256-128)', () => {
    const sha1 = keyedHmac('sha1', new Uint8Array(20).fill(0x0b), 12);
    expect(bytesToHex(sha1.mac(hiThere))).toBe('b617318655057264e28bc0b6');
    const sha256 = keyedHmac('sha256', new Uint8Array(20).fill(0x0b), 16);
    expect(bytesToHex(sha256.mac(text('Hi '), text('There')))).toBe('b0344c61d8db38535ca8afceaf0bf12b');
  });

  it('a keyed MAC is reusable: the same message gives the same tag twice', () => {
    const m = keyedHmac('sha256', hexToBytes('0102030405'), 16);
    expect(m.mac(hiThere)).toEqual(m.mac(hiThere));
  });

  it('a keyed MAC reused over many different messages matches the one-shot HMAC each time', () => {
    for (const hash of ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const) {
      const key = hexToBytes('000102030405060708090a0b0c0d0e0f10111213');
      const m = keyedHmac(hash, key);
      for (let len = 0; len < 300; len += 37) {
        const data = new Uint8Array(len).map((_, i) => (i * 7 + len) & 0xff);
        const cut = len >> 1;
        expect(bytesToHex(m.mac(data.subarray(0, cut), data.subarray(cut)))).toBe(bytesToHex(hmacOnce(hash, key, data)));
      }
    }
  });

  it('bytesEqual', () => {
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(bytesEqual(new Uint8Array([1]), new Uint8Array([1, 2]))).toBe(false);
  });
});
