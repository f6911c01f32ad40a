import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksumVerifies, internetChecksum, pseudoHeaderSum } from '../../wire/checksum';
import { icmpEchoRequest, icmpUnreachable } from '../../wire/icmp';
import { emitIpv4, parseIpv4 } from '../../wire/ipv4';
import { emitUdp } from '../../wire/udp';
import { formatIp } from '../addr';
import { embeddedInfo, inspectPacket, rewrite, rewriteEmbedded } from './rewrite';

const ipArb = fc.nat(0xffffffff).map(formatIp);
const portArb = fc.integer({ min: 0, max: 65535 });

function tcpSegment(src: string, dst: string, sport: number, dport: number, data: Uint8Array): Uint8Array {
  const t = new Uint8Array(20 + data.length);
  t[0] = sport >> 8;
  t[1] = sport & 0xff;
  t[2] = dport >> 8;
  t[3] = dport & 0xff;
  t[12] = 0x50;
  t[13] = 0x18;
  t.set(data, 20);
  const cs = internetChecksum(t, 0, t.length, pseudoHeaderSum(src, dst, 6, t.length));
  t[16] = cs >> 8;
  t[17] = cs & 0xff;
  return t;
}

/** Full recomputation: the IP header and the transport checksum over the pseudo-header. */
function allChecksumsGood(packet: Uint8Array): boolean {
  const p = parseIpv4(packet);
  if (!p.ok) return false;
  const { src, dst, protocol, payload } = p.value;
  if (protocol === 1) return checksumVerifies(payload);
  if (protocol === 17 && payload[6] === 0 && payload[7] === 0) return true;
  return checksumVerifies(payload, 0, payload.length, pseudoHeaderSum(src, dst, protocol, payload.length));
}

describe('NAT rewrite keeps every checksum exact (property)', () => {
  const packetArb = fc.record({
    src: ipArb,
    dst: ipArb,
    proto: fc.constantFrom('udp', 'tcp', 'icmp'),
    sport: portArb,
    dport: portArb,
    data: fc.uint8Array({ maxLength: 40 }),
    side: fc.constantFrom('src' as const, 'dst' as const),
    newAddr: fc.nat(0xffffffff),
    newPort: portArb,
  });

  it('rewriting an address and a port gives the bytes a fresh build would (UDP, TCP, ICMP echo)', () => {
    fc.assert(
      fc.property(packetArb, (c) => {
        const build = (src: string, dst: string, sport: number, dport: number) => {
          if (c.proto === 'udp') return emitIpv4({ src, dst, protocol: 17 }, emitUdp({ srcPort: sport, dstPort: dport }, c.data, { src, dst }));
          if (c.proto === 'tcp') return emitIpv4({ src, dst, protocol: 6 }, tcpSegment(src, dst, sport, dport, c.data));
          return emitIpv4({ src, dst, protocol: 1 }, icmpEchoRequest(c.side === 'src' ? sport : dport, 1, c.data));
        };
        const before = build(c.src, c.dst, c.sport, c.dport);
        const after = rewrite(before, c.side, c.newAddr, c.newPort);
        const a = formatIp(c.newAddr);
        const expected = build(c.side === 'src' ? a : c.src, c.side === 'dst' ? a : c.dst, c.side === 'src' ? c.newPort : c.sport, c.side === 'dst' ? c.newPort : c.dport);
        expect(allChecksumsGood(after)).toBe(true);
        // Byte-exact against a fresh build, except UDP's 0x0000/0xffff (both mean the same sum).
        if (c.proto !== 'udp') expect(Buffer.from(after).toString('hex')).toBe(Buffer.from(expected).toString('hex'));
        else expect(Buffer.from(after.subarray(0, 26)).toString('hex')).toBe(Buffer.from(expected.subarray(0, 26)).toString('hex'));
      }),
      { numRuns: 1000 },
    );
  });

  it('rewriting the packet inside an ICMP error keeps the outer ICMP and inner IP checksums right', () => {
    fc.assert(
      fc.property(ipArb, ipArb, portArb, portArb, fc.nat(0xffffffff), portArb, (src, dst, sport, dport, newAddr, newPort) => {
        const offending = emitIpv4({ src, dst, protocol: 17 }, emitUdp({ srcPort: sport, dstPort: dport }, new Uint8Array(12), { src, dst }));
        const err = emitIpv4({ src: '192.0.2.1', dst: src, protocol: 1 }, icmpUnreachable(3, offending));
        const out = rewriteEmbedded(err, 'src', newAddr, newPort);
        expect(allChecksumsGood(out)).toBe(true);
        const info = inspectPacket(out);
        if (typeof info === 'string') throw new Error(info);
        const inner = embeddedInfo(out, info)!;
        expect(formatIp(inner.src)).toBe(formatIp(newAddr));
        expect(inner.srcPort).toBe(newPort);
        expect(checksumVerifies(out, 28, 48)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on hostile bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
        const info = inspectPacket(b);
        if (typeof info !== 'string') {
          embeddedInfo(b, info);
          rewrite(b, 'src', 1, 2);
          rewrite(b, 'dst', 1, 2);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
