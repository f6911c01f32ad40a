import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dissectUdpWith, emitUdp, parseUdp } from './udp';
import { toHex, u16 as read16 } from './bytes';
import { FUZZ_RUNS, bytes, hostileBuffer, ipAddress, mangled, scapy, scapyHex, u16 } from './fixtures/arbitraries';

const ip = { src: '203.0.113.1', dst: '203.0.113.2' };

describe('UDP', () => {
  it('emits the datagram scapy builds, checksum over the pseudo-header', () => {
    expect(toHex(emitUdp({ srcPort: 500, dstPort: 500 }, new Uint8Array([1, 2, 3]), ip))).toBe(scapy.udp.hex.slice(40));
    expect(toHex(emitUdp({ srcPort: 1, dstPort: 2 }, new Uint8Array([0x78])))).toBe(scapy.udp_zero_sum.hex.slice(40));
  });

  it('parses and verifies scapy bytes; zero checksum means none', () => {
    const r = parseUdp(scapyHex('udp').subarray(20), ip);
    expect(r.ok && [r.value.srcPort, r.value.dstPort, r.value.length, r.value.checksum, toHex(r.value.payload)]).toEqual([500, 500, 11, 0x7fe9, '010203']);
    expect(parseUdp(scapyHex('udp_zero_sum').subarray(20), ip).ok).toBe(true);
    expect(parseUdp(scapyHex('udp').subarray(20), { src: '203.0.113.9', dst: ip.dst })).toEqual({ ok: false, error: 'UDP: bad checksum' });
  });

  it('sends a computed zero checksum as 0xffff', () => {
    // Choose the payload word so the sum comes out 0xffff before complementing.
    const base = emitUdp({ srcPort: 1, dstPort: 2 }, new Uint8Array(2), ip);
    const c = read16(base, 6);
    const payload = new Uint8Array([c >> 8, c & 0xff]);
    const out = emitUdp({ srcPort: 1, dstPort: 2 }, payload, ip);
    expect(read16(out, 6)).toBe(0xffff);
    expect(parseUdp(out, ip).ok).toBe(true);
  });

  it('parse(emit(x)) equals x', () => {
    fc.assert(
      fc.property(u16, u16, bytes(), ipAddress, ipAddress, (srcPort, dstPort, payload, src, dst) => {
        const out = emitUdp({ srcPort, dstPort }, payload, { src, dst });
        expect(parseUdp(out, { src, dst })).toEqual({ ok: true, value: { srcPort, dstPort, length: out.length, checksum: read16(out, 6), payload } });
      }),
    );
  });

  it('dissects with a verified checksum', () => {
    const b = scapyHex('udp');
    const s = dissectUdpWith(ip)(b, 20, b.length);
    expect(s.layer.fields.map((f) => f.value)).toEqual(['500 (isakmp)', '500 (isakmp)', '11', '0x7fe9 [correct]']);
    expect(s.bindKeys).toEqual([500, 500]);
    expect(s.payload).toEqual({ offset: 28, length: 3 });
  });

  it('never throws on hostile bytes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, mangled(fc.tuple(u16, u16, bytes()).map(([a, b, p]) => emitUdp({ srcPort: a, dstPort: b }, p, ip)))), (b) => {
        const r = parseUdp(b, ip);
        if (!r.ok) expect(r.error).toMatch(/^UDP: /);
        const s = dissectUdpWith(ip)(b, 0, b.length);
        if (r.ok) expect(s.layer.problem).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
