import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decrementTtl, dissectIpv4, emitIpv4, parseIpv4, type Ipv4Header } from './ipv4';
import { checksumVerifies } from './checksum';
import { toHex, u16 as read16 } from './bytes';
import { FUZZ_RUNS, bytes, hostileBuffer, ipAddress, mangled, scapy, scapyHex, u16 } from './fixtures/arbitraries';

const echo = scapyHex('ipv4_icmp_echo');

describe('IPv4', () => {
  it('emits the header scapy builds, computing length and checksum', () => {
    const out = emitIpv4({ src: '10.1.1.10', dst: '10.2.2.10', protocol: 1, id: 0x1234, df: true, ttl: 255 }, echo.subarray(20));
    expect(toHex(out)).toBe(scapy.ipv4_icmp_echo.hex);
  });

  it('parses scapy bytes', () => {
    const r = parseIpv4(echo);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { payload, options, ...h } = r.value;
    expect(h).toEqual({
      version: 4, ihl: 5, tos: 0, totalLength: 84, id: 0x1234, df: true, mf: false, fragmentOffset: 0,
      ttl: 255, protocol: 1, checksum: 0x525e, src: '10.1.1.10', dst: '10.2.2.10',
    });
    expect(payload.length).toBe(64);
    expect(options.length).toBe(0);
  });

  it('skips options (IHL > 5) and emits them', () => {
    const b = scapyHex('ipv4_options');
    const r = parseIpv4(b);
    expect(r.ok && [r.value.ihl, toHex(r.value.options), new TextDecoder().decode(r.value.payload)]).toEqual([6, '94040000', 'abcd']);
    const again = emitIpv4({ src: '192.0.2.1', dst: '192.0.2.2', protocol: 17, ttl: 64, id: 1, options: new Uint8Array([0x94, 4, 0, 0]) }, new TextEncoder().encode('abcd'));
    expect(toHex(again)).toBe(scapy.ipv4_options.hex);
  });

  it('ignores Ethernet padding past total length', () => {
    const r = parseIpv4(new Uint8Array([...echo, 0, 0, 0]));
    expect(r.ok && r.value.payload.length).toBe(64);
  });

  const header = fc.record({
    version: fc.constant(4), tos: fc.integer({ min: 0, max: 255 }), id: u16, df: fc.boolean(), mf: fc.boolean(),
    fragmentOffset: fc.integer({ min: 0, max: 0x1fff }), ttl: fc.integer({ min: 0, max: 255 }), protocol: fc.integer({ min: 0, max: 255 }),
    src: ipAddress, dst: ipAddress, options: fc.integer({ min: 0, max: 10 }).chain((n) => fc.uint8Array({ minLength: 4 * n, maxLength: 4 * n })),
  });

  it('parse(emit(x)) equals x, with computed fields filled in', () => {
    fc.assert(
      fc.property(header, bytes(), (h, payload) => {
        const out = emitIpv4(h, payload);
        const r = parseIpv4(out);
        const expected: Ipv4Header & { payload: Uint8Array } = {
          ...h, ihl: 5 + h.options.length / 4, totalLength: out.length, checksum: read16(out, 10), payload,
        };
        expect(r).toEqual({ ok: true, value: expected });
        // and with every field given, emit reproduces the same bytes
        if (r.ok) expect(toHex(emitIpv4(r.value, r.value.payload))).toBe(toHex(out));
      }),
    );
  });

  it('refuses bad checksums unless asked not to verify', () => {
    const b = echo.slice();
    b[10]! ^= 1;
    expect(parseIpv4(b)).toEqual({ ok: false, error: 'IPv4: bad header checksum' });
    expect(parseIpv4(b, { verifyChecksum: false }).ok).toBe(true);
  });

  it('gives clear reasons for malformed headers', () => {
    expect(parseIpv4(echo.subarray(0, 19))).toEqual({ ok: false, error: 'IPv4: truncated (19 of 20 header bytes)' });
    expect(parseIpv4(echo.subarray(0, 60))).toEqual({ ok: false, error: 'IPv4: truncated (total length 84, 60 bytes)' });
    const v6 = echo.slice();
    v6[0] = 0x65;
    expect(parseIpv4(v6)).toEqual({ ok: false, error: 'IPv4: version 6, not 4' });
  });

  it('decrements TTL with a checksum that still verifies', () => {
    const out = decrementTtl(echo);
    expect(out[8]).toBe(254);
    expect(checksumVerifies(out, 0, 20)).toBe(true);
    expect(echo[8]).toBe(255);
  });

  it('dissects with bit fields', () => {
    const s = dissectIpv4(echo, 0, echo.length);
    const get = (n: string) => s.layer.fields.find((f) => f.name === n)!;
    expect(s.layer.title).toBe('Internet Protocol Version 4, Src: 10.1.1.10, Dst: 10.2.2.10');
    expect(get('Version')).toMatchObject({ value: '4', offset: 0, bitOffset: 0, bitWidth: 4 });
    expect(get('Header Length')).toMatchObject({ value: '20 bytes (5)', bitOffset: 4, bitWidth: 4 });
    expect(get('Flags')).toMatchObject({ value: "0x2, Don't fragment", offset: 6, bitWidth: 3 });
    expect(get('Fragment Offset')).toMatchObject({ value: '0', offset: 6, length: 2, bitOffset: 3, bitWidth: 13 });
    expect(get('Protocol').value).toBe('ICMP (1)');
    expect(get('Header Checksum').value).toBe('0x525e [correct]');
    expect(s.bindKeys).toEqual([1]);
    expect(s.payload).toEqual({ offset: 20, length: 64 });
  });

  it('never throws on hostile bytes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, mangled(fc.tuple(header, bytes()).map(([h, p]) => emitIpv4(h, p)))), (b) => {
        const r = parseIpv4(b);
        if (!r.ok) expect(r.error).toMatch(/^IPv4: /);
        const s = dissectIpv4(b, 0, b.length);
        if (r.ok) expect(s.layer.problem).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('IPv4 address text memo', () => {
  it('parses the right dotted text for more distinct addresses than the memo holds', () => {
    // 5000 distinct sources and destinations: the memo (4096) must clear and refill without
    // ever handing back another address's text.
    for (let i = 0; i < 5000; i++) {
      const src = `10.${(i >> 8) & 0xff}.${i & 0xff}.1`;
      const dst = `172.16.${(i >> 8) & 0xff}.${i & 0xff}`;
      const r = parseIpv4(emitIpv4({ src, dst, protocol: 1 }, new Uint8Array(8)));
      expect(r.ok && [r.value.src, r.value.dst]).toEqual([src, dst]);
    }
  });

  it('emits remembered addresses byte-exact, and still refuses bad text every time', () => {
    for (let round = 0; round < 2; round++) {
      const out = emitIpv4({ src: '192.0.2.1', dst: '198.51.100.254', protocol: 1 }, new Uint8Array(0));
      expect(Array.from(out.subarray(12, 20))).toEqual([192, 0, 2, 1, 198, 51, 100, 254]);
      expect(() => emitIpv4({ src: '192.0.2.256', dst: '10.0.0.1', protocol: 1 }, new Uint8Array(0))).toThrow(RangeError);
    }
  });
});
