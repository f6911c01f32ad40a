import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allBindings, bindValue, buildPacket, dissectFrame, upperFor } from './registry';
import { toHex } from './bytes';
import { emitEthernet } from './ethernet';
import { emitIpv4 } from './ipv4';
import { emitUdp } from './udp';
import { emitGre } from './gre';
import { arpRequest } from './arp';
import { icmpEchoRequest, icmpFragmentationNeeded } from './icmp';
import { FUZZ_RUNS, hostileBuffer, mangled, scapyHex } from './fixtures/arbitraries';

const MAC1 = '00:1b:2c:3d:4e:01';
const MAC2 = '00:1b:2c:3d:4e:02';
const eth = (etherType: number, payload: Uint8Array) => emitEthernet({ dst: MAC2, src: MAC1, etherType }, payload);

describe('layer registry', () => {
  it('gives next-protocol values from the same table it dissects with', () => {
    expect(bindValue('eth', 'ipv4')).toBe(0x0800);
    expect(bindValue('eth', 'arp')).toBe(0x0806);
    expect(bindValue('ipv4', 'gre')).toBe(47);
    expect(bindValue('ipv4', 'esp')).toBe(50);
    expect(bindValue('ipv4', 'ipv4')).toBe(4);
    expect(bindValue('udp', 'udp-encap')).toBe(4500);
    expect(() => bindValue('arp', 'gre')).toThrow(RangeError);
    for (const b of allBindings()) expect(upperFor(b.lower, b.key)).toBe(b.upper);
  });

  it('walks Ethernet / IPv4 / GRE / IPv4 / ICMP (scapy bytes)', () => {
    const frame = eth(0x0800, scapyHex('gre_ip'));
    const layers = dissectFrame(frame);
    expect(layers.map((l) => l.protocol)).toEqual(['eth', 'ipv4', 'gre', 'ipv4', 'icmp']);
    expect(layers.map((l) => [l.offset, l.length])).toEqual([[0, 14], [14, 20], [34, 4], [38, 20], [58, 64]]);
    expect(layers.every((l) => l.problem === undefined)).toBe(true);
  });

  it('verifies UDP checksums with the enclosing IPv4 addresses', () => {
    const layers = dissectFrame(eth(0x0800, scapyHex('udp')));
    expect(layers.map((l) => l.protocol)).toEqual(['eth', 'ipv4', 'udp', 'isakmp']);
    expect(layers[2]!.fields.find((f) => f.name === 'Checksum')!.value).toBe('0x7fe9 [correct]');
  });

  it('shows unbound payloads as data and Ethernet padding as padding', () => {
    const udp = emitUdp({ srcPort: 1234, dstPort: 9 }, new Uint8Array([1, 2, 3]), { src: '10.0.0.1', dst: '10.0.0.2' });
    const frame = emitEthernet({ dst: MAC2, src: MAC1, etherType: 0x0800 }, emitIpv4({ src: '10.0.0.1', dst: '10.0.0.2', protocol: 17 }, udp), { pad: true });
    const layers = dissectFrame(frame);
    expect(layers.map((l) => [l.protocol, l.offset, l.length])).toEqual([['eth', 0, 14], ['ipv4', 14, 20], ['udp', 34, 8], ['data', 42, 3], ['padding', 45, 15]]);
    const arp = dissectFrame(eth(0x0806, arpRequest(MAC1, '10.1.1.10', '10.1.1.1')));
    expect(arp.map((l) => l.protocol)).toEqual(['eth', 'arp']);
  });

  it('dissects the packet quoted in an ICMP error without calling it truncated', () => {
    const inner = scapyHex('ipv4_icmp_echo');
    const err = emitIpv4({ src: '10.9.9.9', dst: '10.1.1.10', protocol: 1 }, icmpFragmentationNeeded(1400, inner));
    const layers = dissectFrame(eth(0x0800, err));
    // The quote is an IPv4 header (same colour in the UI), titled as quoted.
    expect(layers.map((l) => l.protocol)).toEqual(['eth', 'ipv4', 'icmp', 'ipv4', 'data']);
    expect(layers[3]!.title).toBe('Quoted Internet Protocol Version 4, Src: 10.1.1.10, Dst: 10.2.2.10');
    expect(layers[4]!.length).toBe(8);
    expect(layers.every((l) => l.problem === undefined)).toBe(true);
  });

  it('unwraps IP-in-IP', () => {
    const inner = emitIpv4({ src: '10.1.1.10', dst: '10.2.2.10', protocol: 1 }, icmpEchoRequest(1, 1, new Uint8Array(8)));
    const layers = dissectFrame(emitIpv4({ src: '1.1.1.1', dst: '2.2.2.2', protocol: bindValue('ipv4', 'ipv4') }, inner), 'ipv4');
    expect(layers.map((l) => l.protocol)).toEqual(['ipv4', 'ipv4', 'icmp']);
  });

  it('builds innermost-out, filling next-protocol fields from the bindings', () => {
    const echo = scapyHex('ipv4_icmp_echo');
    const built = buildPacket(
      [
        { layer: 'eth', fields: { dst: MAC2, src: MAC1 } },
        { layer: 'ipv4', fields: { src: '198.51.100.1', dst: '198.51.100.2', id: 1 } },
        { layer: 'gre', fields: {} },
      ],
      echo,
      'ipv4',
    );
    expect(toHex(built)).toBe(toHex(eth(0x0800, scapyHex('gre_ip'))));
    const udp = buildPacket([{ layer: 'ipv4', fields: { src: '203.0.113.1', dst: '203.0.113.2', id: 1 } }, { layer: 'udp', fields: { srcPort: 500, dstPort: 500 } }], new Uint8Array([1, 2, 3]));
    expect(toHex(udp)).toBe(toHex(scapyHex('udp')));
    expect(() => buildPacket([{ layer: 'ipv4', fields: { src: '1.1.1.1', dst: '2.2.2.2' } }], new Uint8Array(0))).toThrow(RangeError);
    const custom = buildPacket([{ layer: 'ipv4', fields: { src: '1.1.1.1', dst: '2.2.2.2' } }, { layer: 'custom', protocol: 'esp', emit: (p) => p }], new Uint8Array(8));
    expect(custom[9]).toBe(50);
  });

  const validFrames = fc.constantFrom(
    eth(0x0800, scapyHex('gre_ip')),
    eth(0x0800, scapyHex('udp')),
    eth(0x0800, scapyHex('ipv4_icmp_echo')),
    eth(0x0806, scapyHex('arp_request')),
    eth(0x0800, emitIpv4({ src: '1.1.1.1', dst: '2.2.2.2', protocol: 47 }, emitGre({ protocolType: 0x0800, key: 5, checksum: 'compute' }, scapyHex('ipv4_icmp_echo')))),
  );

  it('never throws and keeps every layer inside the frame, on hostile frames', () => {
    fc.assert(
      fc.property(fc.oneof(hostileBuffer, mangled(validFrames)), fc.constantFrom('eth', 'ipv4', 'gre', 'udp', 'icmp', 'arp'), (b, first) => {
        const layers = dissectFrame(b, first);
        expect(layers.length).toBeGreaterThan(0);
        for (const l of layers) {
          expect(l.problem ?? '').not.toMatch(/^Internal dissector error/);
          expect(l.offset).toBeGreaterThanOrEqual(0);
          expect(l.offset + l.length).toBeLessThanOrEqual(b.length);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
