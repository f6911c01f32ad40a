import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checksumVerifies, internetChecksum, onesComplementSum, pseudoHeaderSum, updateChecksum } from './checksum';
import { fromHex, put16, u16 } from './bytes';

describe('internet checksum (RFC 1071)', () => {
  it('matches the worked example of RFC 1071 section 3', () => {
    // 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2, so the checksum is 0x220d.
    const b = fromHex('0001f203f4f5f6f7');
    expect(onesComplementSum(b)).toBe(0xddf2);
    expect(internetChecksum(b)).toBe(0x220d);
  });

  it('pads an odd tail with zero', () => {
    expect(internetChecksum(fromHex('01'))).toBe(~0x0100 & 0xffff);
  });

  it('computes the checksum of a known IPv4 header (scapy)', () => {
    const h = fromHex('4500005412344000ff01525e0a01010a0a02020a');
    expect(checksumVerifies(h)).toBe(true);
    h[10] = 0;
    h[11] = 0;
    expect(internetChecksum(h)).toBe(0x525e);
  });

  it('composes with a pseudo-header sum', () => {
    const s = pseudoHeaderSum('203.0.113.1', '203.0.113.2', 17, 11);
    const udp = fromHex('01f401f4000b7fe9010203');
    expect(checksumVerifies(udp, 0, udp.length, s)).toBe(true);
  });

  it('incremental update agrees with recomputing (RFC 1624)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 0xffff }), (h, word, value) => {
        put16(h, 10, 0);
        put16(h, 10, internetChecksum(h));
        const at = word === 5 ? 8 : word * 2; // never the checksum word itself
        const old = u16(h, at);
        put16(h, at, value);
        const incremental = updateChecksum(u16(h, 10), old, value);
        put16(h, 10, 0);
        const full = internetChecksum(h);
        // 0x0000 and 0xffff are the same ones' complement number; both verify.
        put16(h, 10, incremental);
        expect(checksumVerifies(h)).toBe(true);
        expect([full, full === 0 ? 0xffff : full === 0xffff ? 0 : full]).toContain(incremental);
      }),
    );
  });
});
