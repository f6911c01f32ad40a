// The hooks issue 5 plugs into (extensions.ts), exercised on the GRE transit lab: UDP port
// handlers, IP protocol handlers, multicast over a GRE tunnel, interface features, route
// sources, and a tunnel mode registered by a plugin.
import { describe, expect, it } from 'vitest';
import { emitIpv4, parseIpv4 } from '../wire/ipv4';
import { formatIp, ip } from './addr';
import type { IpDelivery, SimPlugin, UdpDelivery } from './extensions';
import { ping } from './ping';
import { buildNetwork, loadTestLab, withConfig } from './testlabs/load';
import { traceToJson } from './trace';

describe('extension points', () => {
  it('delivers UDP to a bound port (IKE on 500) and answers unbound ports with port unreachable', () => {
    const net = buildNetwork('gre-transit.json');
    const got: UdpDelivery[] = [];
    net.device('R2')!.bindUdp(500, (d) => got.push(d));
    const r1 = net.device('R1')!;
    r1.sendUdp({ dst: ip('203.0.113.2'), srcPort: 500, dstPort: 500, payload: new Uint8Array([1, 2, 3]) });
    net.runFor(1_000_000);
    r1.sendUdp({ dst: ip('203.0.113.2'), srcPort: 500, dstPort: 500, payload: new Uint8Array([4, 5]) });
    net.runFor(1_000_000);
    // Both arrive: at boot each router ARPed for its static next hop (R3), so R3 learned them.
    expect(got.map((d) => [...d.payload])).toEqual([[1, 2, 3], [4, 5]]);
    expect(formatIp(got[0]!.src)).toBe('198.51.100.1');
    expect(got[0]!.ingress).toBe('GigabitEthernet1');
    r1.sendUdp({ dst: ip('203.0.113.2'), srcPort: 500, dstPort: 4500, payload: new Uint8Array(4) });
    net.runFor(1_000_000);
    expect(net.trace.records.some((r) => r.device === 'R2' && r.decision === 'dropped: no service on UDP port 4500')).toBe(true);
  });

  it('carries multicast (OSPF 224.0.0.5, TTL 1) over the GRE tunnel to a protocol handler', () => {
    const net = buildNetwork('gre-transit.json');
    const got: IpDelivery[] = [];
    const r2 = net.device('R2')!;
    r2.joinGroup(ip('224.0.0.5'));
    r2.setProtocolHandler(89, (p) => got.push(p));
    const sent = net.device('R1')!.sendIp({ dst: ip('224.0.0.5'), protocol: 89, ttl: 1, egress: 'Tunnel0', payload: new Uint8Array(24) });
    expect(sent.ok).toBe(true);
    net.runFor(1_000_000);
    net.device('R1')!.sendIp({ dst: ip('224.0.0.5'), protocol: 89, ttl: 1, egress: 'Tunnel0', payload: new Uint8Array(24) });
    net.runFor(1_000_000);
    expect(got.length).toBeGreaterThanOrEqual(1);
    expect(got.at(-1)!.ingress).toBe('Tunnel0');
    expect(got.at(-1)!.ip.src).toBe('172.16.0.1');
    expect(got.at(-1)!.ip.ttl).toBe(1);
  });

  it('runs output and input features in IOS order (a NAT-like rewrite of the source)', () => {
    const net = buildNetwork('gre-transit.json');
    const r1 = net.device('R1')!;
    const seen: string[] = [];
    r1.addFeature({
      name: 'nat-like',
      output(ctx) {
        if (ctx.iface.name !== 'GigabitEthernet2' || ctx.ip.dst !== '10.1.1.10') return { action: 'continue' };
        seen.push(`out ${ctx.ip.src}`);
        return { action: 'continue' };
      },
      input(ctx) {
        if (ctx.iface.name === 'GigabitEthernet2' && ctx.ip.protocol === 1) seen.push(`in ${ctx.ip.dst}`);
        if (ctx.ip.dst === '10.2.2.99') {
          const p = parseIpv4(ctx.bytes);
          if (!p.ok) return { action: 'drop', reason: 'bad' };
          return { action: 'continue', decision: 'translated 10.2.2.99 to 10.2.2.10', bytes: emitIpv4({ ...p.value, dst: '10.2.2.10', checksum: undefined, totalLength: undefined, ihl: undefined }, p.value.payload) };
        }
        return { action: 'continue' };
      },
    });
    ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
    const r = ping(net, net.device('H1')!, { target: ip('10.2.2.99'), repeat: 1 });
    expect(seen).toContain('in 10.2.2.99');
    expect(seen).toContain('out 10.2.2.10');
    expect(net.trace.records.some((t) => t.device === 'R1' && t.decision === 'translated 10.2.2.99 to 10.2.2.10')).toBe(true);
    // The reply comes from 10.2.2.10, not the address pinged: the ping does not count it.
    expect(r.replies[0]!.mark).toBe('.');
  });

  it('answers ARP for an alias address on one interface (NAT static global addresses)', () => {
    const net = buildNetwork('gre-transit.json');
    net.device('R1')!.addArpAlias(ip('10.1.1.99'), 'GigabitEthernet2');
    ping(net, net.device('H1')!, { target: ip('10.1.1.99'), repeat: 1 });
    const r1Gi2 = net.device('R1')!.iface('GigabitEthernet2')!.mac;
    expect(net.device('H1')!.arp.lookup(ip('10.1.1.99'), net.now)?.mac).toBe(r1Gi2);
    expect(net.trace.records.some((r) => r.device === 'R1' && r.decision === `ARP reply: 10.1.1.99 is at ${r1Gi2}`)).toBe(true);
  });

  it('takes routes from a route source with its administrative distance', () => {
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R1', (c) => c.replace('ip route 10.2.2.0 255.255.255.0 Tunnel0\n', ''));
    const net = buildNetwork(lab);
    const r1 = net.device('R1')!;
    expect(r1.resolve(ip('10.2.2.10'))).toBeUndefined();
    r1.setRouteSource('ospf', [{ network: ip('10.2.2.0'), prefixLength: 24, code: 'O', distance: 110, metric: 1001, nextHop: ip('172.16.0.2'), interface: 'Tunnel0', source: 'ospf', installedAt: net.now }]);
    expect(r1.resolve(ip('10.2.2.10'))?.interface).toBe('Tunnel0');
    ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
    expect(ping(net, net.device('H1')!, { target: ip('10.2.2.10') }).successRate).toBe(100);
  });

  it('lets a plugin provide a tunnel mode (an IPsec VTI stand-in) and attach to every device', () => {
    const attached: string[] = [];
    const plugin: SimPlugin = {
      name: 'fake-vti',
      attach: (d) => attached.push(d.name),
      tunnelModes: {
        'ipsec ipv4': {
          overhead: () => 62,
          lineProtocol: () => ({ up: true }),
          encapsulate: (ctx) => ({ ok: true, protocol: 'IPIP', decision: 'fake VTI', bytes: emitIpv4({ src: formatIp(ctx.source), dst: formatIp(ctx.destination), protocol: 4 }, ctx.inner) }),
        },
      },
    };
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R1', (c) => c.replace(' tunnel destination 203.0.113.2', ' tunnel mode ipsec ipv4\n tunnel destination 203.0.113.2'));
    const net = buildNetwork(lab, { plugins: [plugin] });
    expect(attached).toEqual(['H1', 'R1', 'R3', 'R2', 'H2']);
    const r1 = net.device('R1')!;
    expect(r1.iface('Tunnel0')!.lineProtocol).toBe(true);
    expect(r1.ipMtu(r1.iface('Tunnel0')!)).toBe(1438);
    ping(net, net.device('H1')!, { target: ip('10.2.2.10'), repeat: 2 });
    expect(net.trace.records.some((r) => r.device === 'R1' && r.point === 'Encap' && r.protocol === 'IPIP')).toBe(true);
  });

  it('keeps the trace plain data that survives JSON and structured clone', () => {
    const net = buildNetwork('gre-transit.json');
    ping(net, net.device('H1')!, { target: ip('10.2.2.10'), repeat: 2 });
    const clone = structuredClone(net.trace.records);
    expect(clone).toEqual(net.trace.records);
    const json = JSON.parse(JSON.stringify(traceToJson(net.trace.records))) as Array<{ after?: string; device: string }>;
    expect(json.length).toBe(net.trace.records.length);
    expect(json.find((r) => r.after)!.after).toMatch(/^[0-9a-f]+$/);
  });
});
