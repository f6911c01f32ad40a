import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dissectIcmp, emitIcmp, icmpEchoReply, icmpErrorQuote, icmpFragmentationNeeded, icmpTimeExceeded, parseIcmp, type IcmpMessage } from './icmp';
import { toHex, u16 as read16 } from './bytes';
import { FUZZ_RUNS, bytes, hostileBuffer, mangled, scapy, scapyHex, u16, u32 } from './fixtures/arbitraries';

const echoIp = scapyHex('ipv4_icmp_echo');

describe('ICMP', () => {
  it('builds echo, echo reply, fragmentation needed and time exceeded as scapy does', () => {
    expect(toHex(emitIcmp({ kind: 'echo-request', code: 0, id: 1, seq: 7, data: echoIp.subarray(28) }))).toBe(toHex(echoIp.subarray(20)));
    expect(toHex(icmpEchoReply(0x0abc, 0x0102, new TextEncoder().encode('hello')))).toBe(scapy.icmp_echo_reply.hex);
    expect(toHex(icmpErrorQuote(echoIp))).toBe(scapy.icmp_frag_needed.quote);
    expect(toHex(icmpFragmentationNeeded(1400, echoIp))).toBe(scapy.icmp_frag_needed.hex);
    expect(toHex(icmpTimeExceeded(echoIp))).toBe(scapy.icmp_time_exceeded.hex);
  });

  it('parses scapy bytes', () => {
    expect(parseIcmp(scapyHex('icmp_frag_needed'))).toEqual({
      ok: true,
      value: { kind: 'dest-unreachable', code: 4, checksum: 0xee96, nextHopMtu: 1400, original: scapyHex('icmp_frag_needed').subarray(8) },
    });
    const te = parseIcmp(scapyHex('icmp_time_exceeded'));
    expect(te.ok && te.value.kind).toBe('time-exceeded');
  });

  const message: fc.Arbitrary<IcmpMessage> = fc.oneof(
    fc.record({ kind: fc.constantFrom('echo-request' as const, 'echo-reply' as const), code: fc.integer({ min: 0, max: 255 }), id: u16, seq: u16, data: bytes() }),
    fc.record({ kind: fc.constant('dest-unreachable' as const), code: fc.integer({ min: 0, max: 255 }), nextHopMtu: u16, original: bytes() }),
    fc.record({ kind: fc.constant('time-exceeded' as const), code: fc.integer({ min: 0, max: 255 }), original: bytes() }),
    fc.record({ kind: fc.constant('other' as const), type: fc.constantFrom(4, 5, 12, 13, 14, 255), code: fc.integer({ min: 0, max: 255 }), rest: u32, data: bytes() }),
  );

  it('parse(emit(x)) equals x', () => {
    fc.assert(
      fc.property(message, (m) => {
        const out = emitIcmp(m);
        expect(parseIcmp(out)).toEqual({ ok: true, value: { ...m, checksum: read16(out, 2) } });
      }),
    );
  });

  it('refuses a bad checksum unless asked not to verify', () => {
    const b = scapyHex('icmp_echo_reply');
    b[6]! ^= 0x10;
    expect(parseIcmp(b)).toEqual({ ok: false, error: 'ICMP: bad checksum' });
    expect(parseIcmp(b, { verifyChecksum: false }).ok).toBe(true);
  });

  it('dissects echo and frag-needed like Wireshark', () => {
    const e = dissectIcmp(echoIp, 20, echoIp.length);
    expect(e.layer.fields.map((f) => f.value).slice(0, 5)).toEqual(['Echo (ping) request (8)', '0', '0x00e5 [correct]', '1 (0x0001)', '7 (0x0007)']);
    const fn = scapyHex('icmp_frag_needed');
    const s = dissectIcmp(fn, 0, fn.length);
    expect(s.layer.fields.map((f) => f.value)).toEqual(['Destination unreachable (3)', 'Fragmentation needed (4)', '0xee96 [correct]', '0x0000', '1400']);
    expect(s.payload).toEqual({ offset: 8, length: 28 });
  });

  it('never throws on hostile bytes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, mangled(message.map((m) => emitIcmp(m)))), (b) => {
        const r = parseIcmp(b);
        if (!r.ok) expect(r.error).toMatch(/^ICMP: /);
        const s = dissectIcmp(b, 0, b.length);
        if (r.ok) expect(s.layer.problem).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
