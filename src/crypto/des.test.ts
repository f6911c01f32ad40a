import { describe, expect, it } from 'vitest';
import { hexToBytes, bytesToHex } from '@noble/ciphers/utils.js';
import { des, desKeySchedule, tripleDes } from './des.ts';

const block = (c: ReturnType<typeof des>, hex: string, decrypt = false) => {
  const out = new Uint8Array(8);
  (decrypt ? c.decryptBlock : c.encryptBlock)(hexToBytes(hex), 0, out, 0);
  return bytesToHex(out);
};

describe('DES (FIPS 46-3)', () => {
  it('encrypts the classic worked example (key 133457799BBCDFF1)', () => {
    const c = des(hexToBytes('133457799bbcdff1'));
    expect(block(c, '0123456789abcdef')).toBe('85e813540f0ab405');
    expect(block(c, '85e813540f0ab405', true)).toBe('0123456789abcdef');
  });

  it('matches the first round key of the worked example', () => {
    // K1 = 000110 110000 001011 101111 111111 000111 000001 110010
    const k = desKeySchedule(hexToBytes('133457799bbcdff1'));
    expect(Array.from(k.subarray(0, 8))).toEqual([0b000110, 0b110000, 0b001011, 0b101111, 0b111111, 0b000111, 0b000001, 0b110010]);
  });

  it('ignores parity bits, as the standard does', () => {
    const a = des(hexToBytes('133457799bbcdff1'));
    const b = des(hexToBytes('123456789abcdef0')); // same key with every low bit flipped
    expect(block(a, '0123456789abcdef')).toBe(block(b, '0123456789abcdef'));
  });

  it('3DES with K1 = K2 = K3 is single DES', () => {
    const k = '133457799bbcdff1';
    const c = tripleDes(hexToBytes(k + k + k));
    expect(block(c as ReturnType<typeof des>, '0123456789abcdef')).toBe('85e813540f0ab405');
  });

  it('rejects wrong key lengths', () => {
    expect(() => des(new Uint8Array(7))).toThrow(RangeError);
    expect(() => tripleDes(new Uint8Array(16))).toThrow(RangeError);
  });
});
