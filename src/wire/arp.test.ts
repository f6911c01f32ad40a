import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arpReply, arpRequest, dissectArp, emitArp, parseArp } from './arp';
import { toHex } from './bytes';
import { FUZZ_RUNS, hostileBuffer, ipAddress, macAddress, mangled, scapy, scapyHex, u16 } from './fixtures/arbitraries';

const MAC1 = '00:1b:2c:3d:4e:01';
const MAC2 = '00:1b:2c:3d:4e:02';

describe('ARP', () => {
  it('builds the request and reply scapy builds', () => {
    const req = arpRequest(MAC1, '10.1.1.10', '10.1.1.1');
    expect(toHex(req)).toBe(scapy.arp_request.hex);
    const parsed = parseArp(req);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(toHex(arpReply(parsed.value, MAC2))).toBe(scapy.arp_reply.hex);
  });

  it('parses scapy bytes, ignoring Ethernet padding', () => {
    const padded = new Uint8Array([...scapyHex('arp_reply'), ...new Uint8Array(18)]);
    expect(parseArp(padded)).toEqual({
      ok: true,
      value: { operation: 2, senderMac: MAC2, senderIp: '10.1.1.1', targetMac: MAC1, targetIp: '10.1.1.10', hardwareType: 1, protocolType: 0x0800 },
    });
  });

  const arp = fc.record({
    operation: u16, senderMac: macAddress, senderIp: ipAddress, targetMac: macAddress, targetIp: ipAddress, hardwareType: u16, protocolType: u16,
  });

  it('parse(emit(x)) equals x', () => {
    fc.assert(
      fc.property(arp, (x) => {
        expect(parseArp(emitArp(x))).toEqual({ ok: true, value: x });
      }),
    );
  });

  it('refuses other address lengths and truncation', () => {
    const b = scapyHex('arp_request');
    b[4] = 8;
    expect(parseArp(b)).toEqual({ ok: false, error: 'ARP: unsupported address lengths (hardware 8, protocol 4)' });
    expect(parseArp(scapyHex('arp_request').subarray(0, 27)).ok).toBe(false);
  });

  it('dissects like Wireshark', () => {
    const s = dissectArp(scapyHex('arp_request'), 0, 28);
    expect(s.layer.title).toBe('Address Resolution Protocol (request)');
    expect(s.layer.fields.find((f) => f.name === 'Opcode')).toMatchObject({ value: 'request (1)', offset: 6, length: 2 });
    expect(s.layer.fields.find((f) => f.name === 'Target IP address')).toMatchObject({ value: '10.1.1.1', offset: 24 });
  });

  it('never throws on hostile bytes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, mangled(arp.map(emitArp))), (b) => {
        const r = parseArp(b);
        if (!r.ok) expect(r.error).toMatch(/^ARP: /);
        const s = dissectArp(b, 0, b.length);
        expect(s.layer.problem === undefined).toBe(r.ok);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
