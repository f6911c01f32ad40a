// GRE over IPsec (tunnel protection on a `tunnel mode gre ip` tunnel): proxy identity gre host
// SRC host DST; `mode transport` puts ESP right after the delivery header (next header 47),
// `mode tunnel` adds a new outer header (next header 4). A 1400-byte ping (IOS `size` is the IP
// datagram) is 1464 and 1496 bytes of IP on the wire.
import { describe, expect, it } from 'vitest';
import { ip, ping, type Network } from '..';
import { parseIpv4 } from '../../wire/ipv4';
import { parseGre } from '../../wire/gre';
import { espPeek } from '../ipsec/esp-process';
import { build, editConfig, sharedLab } from './labs';
import { vpnOf } from './plugin';
import { ipsecSaViews } from './show';

function lab(mode: 'transport' | 'tunnel'): Network {
  let spec = sharedLab('gre-over-ipsec-transport.json');
  if (mode === 'tunnel') for (const d of ['R1', 'R2']) spec = editConfig(spec, d, (c) => c.replace(' mode transport', ' mode tunnel'));
  const net = build(spec);
  net.converge(30_000_000);
  return net;
}

/** The ESP packets R1 sent toward R2 (IP bytes, Ethernet stripped). */
function espOnWire(net: Network): Uint8Array[] {
  return net.trace.records
    .filter((t) => t.device === 'R1' && t.point === 'Tx' && t.egress === 'GigabitEthernet1' && t.after && t.after[23] === 50)
    .map((t) => t.after!.subarray(14, 14 + ((t.after![16]! << 8) | t.after![17]!)));
}

describe.each([
  ['transport', 1464, 47],
  ['tunnel', 1496, 4],
] as const)('GRE over IPsec, transform set mode %s', (mode, wireLength, nextHeader) => {
  it(`carries a 1400-byte ping as ${wireLength} bytes of IP, ESP next header ${nextHeader}`, () => {
    const net = lab(mode);
    const h1 = net.device('H1')!;
    ping(net, h1, { target: ip('10.2.2.10'), repeat: 2 });
    const start = espOnWire(net).length;
    const r = ping(net, h1, { target: ip('10.2.2.10'), repeat: 5, size: 1400 });
    expect(r.replies.map((x) => x.mark).join('')).toBe('!!!!!');
    const big = espOnWire(net).slice(start);
    expect(big.length).toBe(5);
    for (const p of big) expect(p.length).toBe(wireLength);
    const inbound = vpnOf(net.device('R2')!)!.sad.forPolicy('Tunnel0')!.inbound;
    const opened = espPeek(inbound, big[0]!);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.nextHeader).toBe(nextHeader);
    // After decryption: (transport) IP > GRE > IP > ICMP, or (tunnel) IP > GRE > IP > ICMP inside the new header.
    const outer = parseIpv4(opened.packet, { verifyChecksum: false });
    if (!outer.ok) throw new Error(outer.error);
    expect(outer.value.protocol).toBe(47);
    expect([outer.value.src, outer.value.dst]).toEqual(['203.0.113.1', '203.0.113.2']);
    const gre = parseGre(outer.value.payload);
    if (!gre.ok) throw new Error(gre.error);
    const inner = parseIpv4(gre.value.payload, { verifyChecksum: false });
    if (!inner.ok) throw new Error(inner.error);
    expect([inner.value.src, inner.value.dst, inner.value.protocol, inner.value.totalLength]).toEqual(['10.1.1.10', '10.2.2.10', 1, 1400]);
    const v = ipsecSaViews(net.device('R1')!, vpnOf(net.device('R1')!)!)[0]!;
    expect(v.localIdent).toEqual({ address: '203.0.113.1', mask: '255.255.255.255', protocol: 47, port: 0 });
    expect(v.remoteIdent).toEqual({ address: '203.0.113.2', mask: '255.255.255.255', protocol: 47, port: 0 });
    expect(v.inbound[0]!.settings).toBe(mode === 'transport' ? '{Transport, }' : '{Tunnel, }');
  });
});
