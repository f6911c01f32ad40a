import { describe, expect, it } from 'vitest';
import { parseEthernet } from '../wire/ethernet';
import { parseGre } from '../wire/gre';
import { parseIpv4 } from '../wire/ipv4';
import { formatIp, ip } from './addr';
import { captureToPcapng } from './capture';
import { ping, traceroute } from './ping';
import { buildNetwork, loadTestLab, withConfig } from './testlabs/load';

const marks = (r: { replies: { mark: string }[] }) => r.replies.map((x) => x.mark).join('');

describe('GRE between two sites through a transit router', () => {
  it('brings every interface and the tunnels up, logging as IOS does', () => {
    const net = buildNetwork('gre-transit.json');
    for (const d of net.devices.values()) for (const i of d.interfaces.values()) expect([d.name, i.name, i.usable]).toEqual([d.name, i.name, true]);
    expect(net.device('R1')!.logs.lines()).toContain('*Mar  1 00:00:00.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up');
  });

  it('loses the first echoes to ARP, then answers every ping', () => {
    const net = buildNetwork('gre-transit.json');
    const h1 = net.device('H1')!;
    const first = ping(net, h1, { target: ip('10.2.2.10') });
    expect(marks(first)).toMatch(/^\.+!+$/);
    const second = ping(net, h1, { target: ip('10.2.2.10') });
    expect(marks(second)).toBe('!!!!!');
    expect(second.successRate).toBe(100);
    expect(second.rttMs!.max).toBeGreaterThan(0);
    expect(net.device('H1')!.arp.list(net.now).map((e) => formatIp(e.ip))).toContain('10.1.1.1');
  });

  it('traceroute lists R1, the far tunnel end, then the host', () => {
    const net = buildNetwork('gre-transit.json');
    ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
    const t = traceroute(net, net.device('H1')!, { target: ip('10.2.2.10') });
    expect(t.reached).toBe(true);
    expect(t.hops.map((h) => h.probes.find((p) => p.from !== undefined)!.from).map((a) => formatIp(a!))).toEqual(['10.1.1.1', '172.16.0.2', '10.2.2.10']);
    // IOS rate-limits unreachables to one per 500 ms: the second probe at the last hop times out.
    expect(t.hops[2]!.probes.map((p) => p.from === undefined)).toEqual([false, true, false]);
  });

  it('carries the inner packet in GRE with outer TTL 255 and the inner TTL decremented', () => {
    const net = buildNetwork('gre-transit.json');
    ping(net, net.device('H1')!, { target: ip('10.2.2.10'), repeat: 3 });
    const outerPackets = net.capture
      .filter((f) => f.link === 1 && f.from.device === 'R1')
      .map((f) => parseEthernet(f.bytes))
      .flatMap((e) => (e.ok ? [parseIpv4(e.value.payload)] : []))
      .flatMap((p) => (p.ok ? [p.value] : []));
    const gre = outerPackets.filter((p) => p.protocol === 47);
    expect(gre.length).toBeGreaterThan(0);
    for (const outer of gre) {
      expect(outer.ttl).toBe(255);
      expect(outer.df).toBe(false);
      const g = parseGre(outer.payload);
      expect(g.ok && g.value.protocolType).toBe(0x0800);
      const inner = parseIpv4(g.ok ? g.value.payload : new Uint8Array());
      expect(inner.ok && inner.value.ttl).toBe(254);
    }
  });

  it('explains each decision in the trace', () => {
    const net = buildNetwork('gre-transit.json');
    ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
    ping(net, net.device('H1')!, { target: ip('10.9.9.9'), repeat: 1 });
    const words = net.trace.records.map((r) => `${r.device}: ${r.decision}`);
    expect(words).toContain('H1: ARP request for 10.1.1.1');
    expect(words).toContain('R1: route lookup 10.2.2.0/24 via Tunnel0');
    expect(words).toContain('R1: GRE encapsulation on Tunnel0: 198.51.100.1 -> 203.0.113.2');
    expect(words).toContain('R2: GRE decapsulation on Tunnel0');
    expect(words).toContain('R1: dropped: no route to 10.9.9.9');
    const encap = net.trace.records.find((r) => r.point === 'Encap')!;
    expect(encap.protocol).toBe('GRE');
    expect(encap.after!.length).toBe(encap.before!.length + 24);
    expect(net.trace.records.every((r, i) => r.seq === i)).toBe(true);
  });

  it('answers a missing route with unreachables, rate-limited as IOS (U.U.U)', () => {
    const net = buildNetwork('gre-transit.json');
    ping(net, net.device('H1')!, { target: ip('10.1.1.1') });
    expect(marks(ping(net, net.device('H1')!, { target: ip('10.9.9.9') }))).toBe('U.U.U');
  });

  it('fragments a big ping and reassembles it; with DF it gets M (fragmentation needed, MTU 1476)', () => {
    const net = buildNetwork('gre-transit.json');
    ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
    expect(marks(ping(net, net.device('H1')!, { target: ip('10.2.2.10'), size: 3000 }))).toBe('!!!!!');
    expect(marks(ping(net, net.device('H1')!, { target: ip('10.2.2.10'), size: 1500, df: true }))).toBe('MMMMM');
    expect(net.trace.records.some((r) => r.decision.includes('exceeds the 1476-byte IP MTU of Tunnel0 and DF is set'))).toBe(true);
    expect(marks(ping(net, net.device('H1')!, { target: ip('10.2.2.10'), size: 1476, df: true }))).toBe('!!!!!');
  });

  it('logs shutdown of a tunnel and brings it back', () => {
    const net = buildNetwork('gre-transit.json');
    const r1 = net.device('R1')!;
    r1.config.interfaces.find((i) => i.name === 'Tunnel0')!.shutdown = true;
    r1.applyConfig();
    expect(r1.logs.lines().slice(-2).map((l) => l.replace(/^\S+ +\S+ \S+: /, ''))).toEqual([
      '%LINK-5-CHANGED: Interface Tunnel0, changed state to administratively down',
      '%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down',
    ]);
    expect(r1.rib.routes().some((r) => r.interface === 'Tunnel0')).toBe(false);
    r1.config.interfaces.find((i) => i.name === 'Tunnel0')!.shutdown = false;
    r1.applyConfig();
    expect(r1.iface('Tunnel0')!.usable).toBe(true);
  });

  it('takes the tunnel down for recursive routing (%TUN-5-RECURDOWN)', () => {
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R1', (c) =>
      c.replace('ip route 203.0.113.0 255.255.255.252 198.51.100.2', 'ip route 0.0.0.0 0.0.0.0 198.51.100.2\nip route 203.0.113.0 255.255.255.0 172.16.0.2'),
    );
    const net = buildNetwork(lab);
    const r1 = net.device('R1')!;
    expect(r1.logs.lines().some((l) => l.endsWith('%TUN-5-RECURDOWN: Tunnel0 temporarily disabled due to recursive routing'))).toBe(true);
    expect(r1.iface('Tunnel0')!.lineProtocol).toBe(false);
    expect(r1.iface('Tunnel0')!.downReason).toMatch(/recursive routing/);
  });

  it('keeps an IPsec VTI down without IPsec, and a shut peer takes the link down', () => {
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R1', (c) => c.replace(' tunnel destination 203.0.113.2', ' tunnel mode ipsec ipv4\n tunnel destination 203.0.113.2'));
    const net = buildNetwork(lab);
    expect(net.device('R1')!.iface('Tunnel0')!.config.tunnelMode).toBe('ipsec ipv4');
    expect(net.device('R1')!.iface('Tunnel0')!.lineProtocol).toBe(false);
    const r3 = net.device('R3')!;
    r3.config.interfaces.find((i) => i.name === 'GigabitEthernet1')!.shutdown = true;
    r3.applyConfig();
    expect(net.device('R1')!.iface('GigabitEthernet1')!.status).toBe('down');
    expect(net.device('R1')!.logs.lines().at(-1)).toMatch(/Line protocol on Interface GigabitEthernet1, changed state to down$/);
  });

  it('is deterministic: the same seed gives the same capture bytes, another seed other MACs', () => {
    const run = (seed?: number) => {
      const net = buildNetwork('gre-transit.json', seed === undefined ? {} : { seed });
      ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
      traceroute(net, net.device('H1')!, { target: ip('10.2.2.10') });
      return captureToPcapng(net);
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(run(99)).not.toEqual(a);
  });
});
