import { describe, expect, it } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { deriveSkeyids, encryptionKey, hashI, hashR, keymat, phase1Iv, phase2Iv, prf, qmHash3, skeyidPsk } from './ikev1-prf';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const b = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const hm = (alg: string, key: Uint8Array, ...parts: Uint8Array[]) => new Uint8Array(createHmac(alg, key).update(Buffer.concat(parts)).digest());

const ni = b('00112233445566778899aabbccddeeff0011223344556677');
const nr = b('ffeeddccbbaa99887766554433221100ffeeddccbbaa9988');
const gxy = b('ab'.repeat(128));
const ckyI = b('1122334455667788');
const ckyR = b('99aabbccddeeff00');

describe('IKEv1 PRF and key derivation (checked against OpenSSL HMAC)', () => {
  it('prf is HMAC of the negotiated hash', () => {
    for (const [h, alg] of [['md5', 'md5'], ['sha1', 'sha1'], ['sha256', 'sha256'], ['sha384', 'sha384'], ['sha512', 'sha512']] as const) {
      expect(hex(prf(h, b('0102'), b('03'), b('04')))).toBe(hex(hm(alg, b('0102'), b('0304'))));
    }
  });

  it('SKEYID and SKEYID_d/a/e follow RFC 2409 §5', () => {
    const psk = new TextEncoder().encode('cisco123');
    const skeyid = skeyidPsk('sha1', psk, ni, nr);
    expect(hex(skeyid)).toBe(hex(hm('sha1', psk, ni, nr)));
    const s = deriveSkeyids('sha1', skeyid, gxy, ckyI, ckyR);
    const d = hm('sha1', skeyid, gxy, ckyI, ckyR, b('00'));
    const a = hm('sha1', skeyid, d, gxy, ckyI, ckyR, b('01'));
    const e = hm('sha1', skeyid, a, gxy, ckyI, ckyR, b('02'));
    expect([hex(s.d), hex(s.a), hex(s.e)]).toEqual([hex(d), hex(a), hex(e)]);
  });

  it('expands SKEYID_e when it is shorter than the key (Appendix B), else truncates', () => {
    const e = b('5a'.repeat(20));
    const k1 = hm('sha1', e, b('00'));
    const k2 = hm('sha1', e, k1);
    expect(hex(encryptionKey('sha1', e, 32))).toBe(hex(k1) + hex(k2).slice(0, 24));
    expect(hex(encryptionKey('sha1', e, 16))).toBe(hex(e).slice(0, 32));
    expect(hex(encryptionKey('sha256', b('33'.repeat(32)), 24))).toBe('33'.repeat(24));
  });

  it('derives the phase-1 and phase-2 IVs', () => {
    const gxi = b('01'.repeat(128));
    const gxr = b('02'.repeat(128));
    expect(hex(phase1Iv('sha1', gxi, gxr, 16))).toBe(createHash('sha1').update(Buffer.concat([gxi, gxr])).digest('hex').slice(0, 32));
    expect(hex(phase2Iv('md5', b('aa'.repeat(8)), 0x01020304, 8))).toBe(createHash('md5').update(b('aa'.repeat(8) + '01020304')).digest('hex').slice(0, 16));
  });

  it('HASH_I and HASH_R swap the DH values and cookies', () => {
    const k = b('77'.repeat(20));
    const gxi = b('01'.repeat(8));
    const gxr = b('02'.repeat(8));
    const sai = b('0000000100000001');
    const id = b('01000000c0000201');
    expect(hex(hashI('sha1', k, gxi, gxr, ckyI, ckyR, sai, id))).toBe(hex(hm('sha1', k, gxi, gxr, ckyI, ckyR, sai, id)));
    expect(hex(hashR('sha1', k, gxi, gxr, ckyI, ckyR, sai, id))).toBe(hex(hm('sha1', k, gxr, gxi, ckyR, ckyI, sai, id)));
    expect(hex(qmHash3('sha1', k, 5, ni, nr))).toBe(hex(hm('sha1', k, b('0000000005'), ni, nr)));
  });

  it('KEYMAT chains K1, K2 with and without PFS', () => {
    const d = b('44'.repeat(20));
    const spi = b('deadbeef');
    const seed = Buffer.concat([b('03'), spi, ni, nr]);
    const k1 = hm('sha1', d, seed);
    const k2 = hm('sha1', d, k1, seed);
    const k3 = hm('sha1', d, k2, seed);
    expect(hex(keymat('sha1', d, 3, spi, ni, nr, 52))).toBe((hex(k1) + hex(k2) + hex(k3)).slice(0, 104));
    const pfs = b('99'.repeat(16));
    expect(hex(keymat('sha1', d, 3, spi, ni, nr, 20, pfs))).toBe(hex(hm('sha1', d, pfs, seed)));
  });
});
