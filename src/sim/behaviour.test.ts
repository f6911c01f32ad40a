// IOS behaviours of the core beyond the happy path: ARP ageing, `ip mtu`, Null0, a tunnel whose
// source goes down, hosts that do not route, protocol unreachable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitEthernet } from '../wire/ethernet';
import { emitIpv4 } from '../wire/ipv4';
import { formatIp, ip } from './addr';
import { ARP_TIMEOUT } from './arp';
import { ping } from './ping';
import { SECOND } from './scheduler';
import { buildNetwork, loadTestLab, withConfig } from './testlabs/load';

const marks = (r: { replies: { mark: string }[] }) => r.replies.map((x) => x.mark).join('');

describe('core IOS behaviour', () => {
  it('ages ARP entries out after 4 hours, then loses one echo to ARP again', () => {
    const net = buildNetwork('gre-transit.json');
    const h1 = net.device('H1')!;
    ping(net, h1, { target: ip('10.1.1.1') });
    expect(marks(ping(net, h1, { target: ip('10.1.1.1') }))).toBe('!!!!!');
    const age = h1.arp.list(net.now).find((e) => formatIp(e.ip) === '10.1.1.1')!;
    expect(age.local).toBe(false);
    net.runFor(ARP_TIMEOUT - 60 * SECOND);
    expect(h1.arp.lookup(ip('10.1.1.1'), net.now)).toBeDefined();
    net.runFor(120 * SECOND);
    expect(h1.arp.lookup(ip('10.1.1.1'), net.now)).toBeUndefined();
    expect(marks(ping(net, h1, { target: ip('10.1.1.1') }))).toBe('.!!!!');
  });

  it('fragments at an `ip mtu` and answers DF with fragmentation needed carrying that MTU', () => {
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R3', (c) => c.replace(' ip address 203.0.113.1 255.255.255.252', ' ip address 203.0.113.1 255.255.255.252\n ip mtu 1400'));
    const net = buildNetwork(lab);
    const r1 = net.device('R1')!;
    ping(net, r1, { target: ip('203.0.113.2'), repeat: 1 });
    expect(marks(ping(net, r1, { target: ip('203.0.113.2'), size: 1500 }))).toBe('!!!!!');
    expect(net.trace.records.some((r) => r.device === 'R3' && r.point === 'Fragment' && r.decision.startsWith('fragmented into 2 pieces for the 1400-byte IP MTU'))).toBe(true);
    expect(net.trace.records.some((r) => r.device === 'R2' && r.decision === 'reassembled 1500-byte datagram')).toBe(true);
    expect(marks(ping(net, r1, { target: ip('203.0.113.2'), size: 1500, df: true }))).toBe('MMMMM');
    const icmp = net.trace.records.filter((r) => r.device === 'R3' && r.decision.startsWith('ICMP fragmentation needed (MTU 1400)'));
    expect(icmp.length).toBeGreaterThan(0);
    // The ICMP carries the next-hop MTU (RFC 1191) in bytes 6-7 of the ICMP header.
    const pkt = icmp[0]!.after!;
    expect((pkt[20 + 6]! << 8) | pkt[20 + 7]!).toBe(1400);
  });

  it('GRE delivery header: DF clear by default (fragmented on the way); path MTU discovery copies DF and learns the MTU', () => {
    const narrow = (lab: ReturnType<typeof loadTestLab>) => withConfig(lab, 'R3', (c) => c.replace(' ip address 203.0.113.1 255.255.255.252', ' ip address 203.0.113.1 255.255.255.252\n ip mtu 1400'));
    const plain = buildNetwork(narrow(loadTestLab('gre-transit.json')));
    ping(plain, plain.device('H1')!, { target: ip('10.2.2.10') });
    expect(marks(ping(plain, plain.device('H1')!, { target: ip('10.2.2.10'), size: 1450, df: true }))).toBe('!!!!!');
    expect(plain.trace.records.some((r) => r.device === 'R3' && r.decision.startsWith('fragmented into 2 pieces for the 1400-byte IP MTU'))).toBe(true);

    const pmtud = buildNetwork(narrow(withConfig(loadTestLab('gre-transit.json'), 'R1', (c) => c.replace(' tunnel destination 203.0.113.2', ' tunnel destination 203.0.113.2\n tunnel path-mtu-discovery'))));
    const h1 = pmtud.device('H1')!;
    ping(pmtud, h1, { target: ip('10.2.2.10') });
    // First echo: the outer DF is copied, R3 refuses it and tells R1 (MTU 1400); R1 learns it.
    // Then R1 itself answers the next big DF packets with fragmentation needed (1400 - 24 = 1376).
    const r = ping(pmtud, h1, { target: ip('10.2.2.10'), size: 1450, df: true });
    expect(marks(r)).toBe('.MMMM');
    const r1 = pmtud.device('R1')!;
    expect(r1.ipMtu(r1.iface('Tunnel0')!)).toBe(1376);
    expect(pmtud.trace.records.some((t) => t.device === 'R1' && t.decision === 'Tunnel0 path MTU 1400 learned: its IP MTU is now 1376')).toBe(true);
    expect(marks(ping(pmtud, h1, { target: ip('10.2.2.10'), size: 1376, df: true }))).toBe('!!!!!');
    pmtud.runFor(601 * SECOND);
    expect(r1.ipMtu(r1.iface('Tunnel0')!)).toBe(1476);
  });

  it('drops traffic routed to Null0 with host unreachable', () => {
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R1', (c) => `${c}ip route 10.99.0.0 255.255.0.0 Null0\n`);
    const net = buildNetwork(lab);
    ping(net, net.device('H1')!, { target: ip('10.1.1.1') });
    expect(marks(ping(net, net.device('H1')!, { target: ip('10.99.1.1') }))).toBe('U.U.U');
    expect(net.trace.records.some((r) => r.decision === 'dropped: routed to Null0 (discarded) by 10.99.0.0/16')).toBe(true);
  });

  it('takes a GRE tunnel down when its source interface goes down, and its static route with it', () => {
    const net = buildNetwork('gre-transit.json');
    const r1 = net.device('R1')!;
    r1.config.interfaces.find((i) => i.name === 'GigabitEthernet1')!.shutdown = true;
    r1.applyConfig();
    const tu = r1.iface('Tunnel0')!;
    expect([tu.status, tu.lineProtocol]).toEqual(['up', false]);
    expect(tu.downReason).toMatch(/source/);
    expect(r1.rib.routes().some((r) => r.code === 'S' && formatIp(r.network) === '10.2.2.0')).toBe(false);
    expect(r1.logs.lines().some((l) => l.endsWith('Line protocol on Interface Tunnel0, changed state to down'))).toBe(true);
    // The far end's tunnel stays up: GRE has no keepalives by default.
    expect(net.device('R2')!.iface('Tunnel0')!.lineProtocol).toBe(true);
  });

  it('answers proxy ARP for a router that routes to an Ethernet interface without a next hop', () => {
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R3', (c) => `${c}ip route 10.1.1.0 255.255.255.0 GigabitEthernet1\n`);
    const net = buildNetwork(lab);
    const r3 = net.device('R3')!;
    ping(net, r3, { target: ip('10.1.1.10'), repeat: 2 });
    expect(marks(ping(net, r3, { target: ip('10.1.1.10') }))).toBe('!!!!!');
    // R3 ARPs for the host itself; R1 answers with its own MAC (proxy ARP).
    expect(r3.arp.lookup(ip('10.1.1.10'), net.now)?.mac).toBe(net.device('R1')!.iface('GigabitEthernet1')!.mac);
    expect(net.trace.records.some((r) => r.device === 'R1' && r.decision.startsWith('proxy ARP reply: 10.1.1.10'))).toBe(true);
    // Hosts (no ip routing) never proxy.
    expect(net.trace.records.some((r) => r.device.startsWith('H') && r.decision.startsWith('proxy ARP'))).toBe(false);
  });

  it('hosts do not route, and an unknown protocol gets protocol unreachable', () => {
    const net = buildNetwork('gre-transit.json');
    const h1 = net.device('H1')!;
    expect(h1.routing).toBe(false);
    ping(net, h1, { target: ip('10.1.1.1') });
    h1.sendIp({ dst: ip('10.1.1.1'), protocol: 99, payload: new Uint8Array(8) });
    net.runFor(SECOND);
    expect(net.trace.records.some((r) => r.device === 'R1' && r.decision === 'dropped: no handler for IP protocol 99')).toBe(true);
    expect(net.trace.records.some((r) => r.device === 'H1' && r.decision.startsWith('ICMP dest-unreachable from 10.1.1.1'))).toBe(true);
  });

  it('never throws on hostile frames or packets, whatever their bytes', () => {
    const net = buildNetwork('gre-transit.json');
    const r1 = net.device('R1')!;
    const mac = r1.iface('GigabitEthernet2')!.mac!;
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom(0x0800, 0x0806, 0x86dd),
        fc.integer({ min: 0, max: 255 }),
        (junk, etherType, protocol) => {
          r1.receiveFrame('GigabitEthernet2', junk, 0);
          r1.receiveFrame('GigabitEthernet2', emitEthernet({ dst: mac, src: '02:00:00:00:00:01', etherType }, junk), 0);
          const pkt = emitIpv4({ src: '10.1.1.10', dst: '10.1.1.1', protocol, ttl: 1 + (junk[0] ?? 0) % 4 }, junk);
          r1.receiveFrame('GigabitEthernet2', emitEthernet({ dst: mac, src: '02:00:00:00:00:01', etherType: 0x0800 }, pkt), 0);
          net.runFor(10_000);
        },
      ),
      { numRuns: 200 },
    );
    expect(net.trace.records.some((r) => r.point === 'Drop')).toBe(true);
  });
});
