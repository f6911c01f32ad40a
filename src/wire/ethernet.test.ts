import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dissectEthernet, emitEthernet, ipv4MulticastMac, isMulticastMac, parseEthernet } from './ethernet';
import { toHex } from './bytes';
import { FUZZ_RUNS, bytes, hostileBuffer, macAddress, scapy, scapyHex, u16 } from './fixtures/arbitraries';

describe('Ethernet II', () => {
  const f = scapy.eth_ipv4;
  it('emits the bytes scapy builds', () => {
    const payload = scapyHex('eth_ipv4').subarray(14);
    expect(toHex(emitEthernet({ dst: f.dst, src: f.src, etherType: f.etherType }, payload))).toBe(f.hex);
  });

  it('parses scapy bytes', () => {
    const r = parseEthernet(scapyHex('eth_ipv4'));
    expect(r.ok && { dst: r.value.dst, src: r.value.src, etherType: r.value.etherType, len: r.value.payload.length }).toEqual({
      dst: f.dst, src: f.src, etherType: 0x0800, len: 20,
    });
  });

  it('pads short frames to 60 bytes on request', () => {
    expect(emitEthernet({ dst: f.dst, src: f.src, etherType: 0x0806 }, new Uint8Array(28), { pad: true }).length).toBe(60);
    expect(emitEthernet({ dst: f.dst, src: f.src, etherType: 0x0806 }, new Uint8Array(28)).length).toBe(42);
  });

  it('parse(emit(x)) equals x', () => {
    fc.assert(
      fc.property(macAddress, macAddress, u16, bytes(), (dst, src, etherType, payload) => {
        const r = parseEthernet(emitEthernet({ dst, src, etherType }, payload));
        expect(r).toEqual({ ok: true, value: { dst, src, etherType, payload } });
      }),
    );
  });

  it('refuses a truncated header with a reason', () => {
    expect(parseEthernet(new Uint8Array(13))).toEqual({ ok: false, error: 'Ethernet: truncated (13 of 14 header bytes)' });
  });

  it('dissects with byte ranges', () => {
    const step = dissectEthernet(scapyHex('eth_ipv4'), 0, 34);
    expect(step.layer.fields.map((x) => [x.name, x.value, x.offset, x.length])).toEqual([
      ['Destination', f.dst, 0, 6],
      ['Source', f.src, 6, 6],
      ['Type', '0x0800 (IPv4)', 12, 2],
    ]);
    expect(step.payload).toEqual({ offset: 14, length: 20 });
    expect(step.bindKeys).toEqual([0x0800]);
  });

  it('maps IPv4 multicast groups to MAC addresses (RFC 1112)', () => {
    expect(ipv4MulticastMac('224.0.0.5')).toBe('01:00:5e:00:00:05');
    expect(ipv4MulticastMac('239.200.1.2')).toBe('01:00:5e:48:01:02');
    expect(isMulticastMac('01:00:5e:00:00:05')).toBe(true);
    expect(isMulticastMac('00:1b:2c:3d:4e:01')).toBe(false);
  });

  it('never throws on hostile bytes', () => {
    fc.assert(
      fc.property(hostileBuffer, (b) => {
        const r = parseEthernet(b);
        expect(r.ok).toBe(b.length >= 14);
        const s = dissectEthernet(b, 0, b.length);
        expect(s.layer.problem === undefined).toBe(b.length >= 14);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
