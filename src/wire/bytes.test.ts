import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMac, formatMacIos, fromHex, ipToNumber, numberToIp, parseIpv4Address, parseMac, toHex } from './bytes';
import { FUZZ_RUNS, ipAddress, macAddress } from './fixtures/arbitraries';

describe('address helpers', () => {
  it('converts IPv4 text and numbers both ways', () => {
    expect(ipToNumber('10.1.1.10')).toBe(0x0a01010a);
    expect(ipToNumber('255.255.255.255')).toBe(0xffffffff);
    expect(numberToIp(0xc0a80001)).toBe('192.168.0.1');
    fc.assert(fc.property(ipAddress, (ip) => numberToIp(ipToNumber(ip)) === ip));
  });

  it('refuses text that is not an address', () => {
    for (const bad of ['1.2.3', '256.1.1.1', '1.2.3.4.5', 'a.b.c.d', '', '1.2.3.4 ', '1..2.3', '.1.2.3', '1.2.3.', '1234.1.1.1', '1.2.3.-4'])
      expect(parseIpv4Address(bad)).toBeUndefined();
    expect(() => ipToNumber('300.1.1.1')).toThrow(RangeError);
  });

  it('reads MAC addresses in colon and IOS forms', () => {
    expect(formatMac(parseMac('aabb.ccdd.eeff')!)).toBe('aa:bb:cc:dd:ee:ff');
    expect(formatMac(parseMac('AA-BB-CC-DD-EE-FF')!)).toBe('aa:bb:cc:dd:ee:ff');
    expect(formatMacIos('00:1b:2c:3d:4e:01')).toBe('001b.2c3d.4e01');
    expect(parseMac('aa:bb:cc:dd:ee')).toBeUndefined();
    fc.assert(fc.property(macAddress, (m) => formatMac(parseMac(m)!) === m));
  });

  it('never throws on hostile address text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (t) => {
        const ip = parseIpv4Address(t);
        if (ip !== undefined) expect(numberToIp(ip)).toBe(t.replace(/\b0+(\d)/g, '$1'));
        const mac = parseMac(t);
        if (mac) expect(mac.length).toBe(6);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('round-trips hex', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => toHex(fromHex(toHex(b))) === toHex(b)));
    expect(() => fromHex('abc')).toThrow(RangeError);
  });
});
