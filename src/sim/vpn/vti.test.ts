// IPsec VTIs end to end on the shared labs: IKE at convergence, ESP for everything routed into
// the tunnel (OSPF multicast too), line protocol following the SAs, plaintext MTU, NAT-T.
import { describe, expect, it } from 'vitest';
import { interfaceViews, ip, ping, type Network } from '..';
import { ospfOf } from '../ospf/plugin';
import { build, editConfig, sharedLab } from './labs';
import { vpnOf } from './plugin';
import { ipsecSaViews, isakmpSaViews } from './show';

function up(lab: string, edit?: (n: Network) => void): Network {
  const net = build(sharedLab(lab));
  edit?.(net);
  net.converge(30_000_000);
  return net;
}

const marks = (net: Network, from: string, to: string, size?: number) =>
  ping(net, net.device(from)!, { target: ip(to), repeat: 5, ...(size ? { size } : {}) }).replies.map((r) => r.mark).join('');

describe('IPsec VTI (vti-basic.json)', () => {
  it('comes up at convergence, protects the pings, counts them, and shows QM_IDLE and plaintext mtu 1438', () => {
    const net = up('vti-basic.json');
    const r1 = net.device('R1')!;
    expect(r1.iface('Tunnel0')!.lineProtocol).toBe(true);
    expect(r1.logs.entries.map((e) => e.message)).toContain('%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up');
    const rt = vpnOf(r1)!;
    // One side led main mode and the other answered: one ISAKMP SA on each router, as IOS
    // usually shows, not one per direction.
    expect(isakmpSaViews(r1, rt).map((r) => r.state)).toEqual(['QM_IDLE']);
    expect(isakmpSaViews(net.device('R2')!, vpnOf(net.device('R2')!)!).map((r) => r.state)).toEqual(['QM_IDLE']);
    marks(net, 'H1', '10.2.2.10');
    const before = ipsecSaViews(r1, rt)[0]!;
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
    const after = ipsecSaViews(r1, rt)[0]!;
    expect(after.encaps - before.encaps).toBe(5);
    expect(after.decaps - before.decaps).toBe(5);
    expect(after.plaintextMtu).toBe(1438);
    expect(after.inbound[0]!.settings).toBe('{Tunnel, }');
    expect(r1.ipMtu(r1.iface('Tunnel0')!)).toBe(1438);
    // show interfaces Tunnel0 (IOS-XE): MTU 10000 less the IPsec overhead, transport MTU 1438, linestate up.
    const view = interfaceViews(r1).find((v) => v.name === 'Tunnel0')!;
    expect([view.mtu, view.tunnel!.transportMtu, view.tunnel!.linestateDown]).toEqual([9938, 1438, undefined]);
    // On the R1-R2 link only ESP carries the hosts' traffic.
    const esp = net.trace.records.filter((t) => t.device === 'R1' && t.point === 'Tx' && t.egress === 'GigabitEthernet1' && t.protocol.includes('ESP'));
    expect(esp.length).toBeGreaterThanOrEqual(5);
    expect(net.trace.records.some((t) => t.device === 'R1' && t.point === 'Tx' && t.egress === 'GigabitEthernet1' && /ICMP/.test(t.protocol) && !/ESP/.test(t.protocol))).toBe(false);
    expect(net.keyLog.espSa.length).toBeGreaterThanOrEqual(2);
    expect(net.keyLog.ikev1.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps line protocol down without tunnel protection, and says why', () => {
    const lab = editConfig(editConfig(sharedLab('vti-basic.json'), 'R1', (c) => c.replace(' tunnel protection ipsec profile PROF\n', '')), 'R2', (c) => c.replace(' tunnel protection ipsec profile PROF\n', ''));
    const net = build(lab);
    net.converge(30_000_000);
    const t = net.device('R1')!.iface('Tunnel0')!;
    expect(t.lineProtocol).toBe(false);
    // IOS-XE: `Tunnel linestate evaluation down - transport reg down`, MTU 10000 with nothing to take off.
    expect(t.downReason).toBe('transport reg down');
    const view = interfaceViews(net.device('R1')!).find((v) => v.name === 'Tunnel0')!;
    expect(view.tunnel!.linestateDown).toBe('transport reg down');
    expect(view.mtu).toBe(10000);
    expect(view.tunnel!.transportMtu).toBe(1500);
    expect(marks(net, 'H1', '10.2.2.10')).toMatch(/^[.U]{5}$/);
    expect(net.trace.records.some((r) => r.device === 'R1' && r.point === 'Drop' && /no route to 10\.2\.2\.10/.test(r.decision))).toBe(true);
  });

  it('goes down when the SAs are cleared and comes back by itself', () => {
    const net = up('vti-basic.json');
    const r1 = net.device('R1')!;
    expect(vpnOf(r1)!.clear('crypto session')).toBe(true);
    net.runFor(1000);
    expect(r1.logs.entries.map((e) => e.message)).toContain('%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down');
    net.runFor(30_000_000);
    expect(r1.iface('Tunnel0')!.lineProtocol).toBe(true);
    marks(net, 'H1', '10.2.2.10');
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
  });

  it('shutdown deletes the SAs and tells the peer; the peer stays UP-IDLE until no shutdown renegotiates', () => {
    const net = up('vti-basic.json');
    const [r1, r2] = [net.device('R1')!, net.device('R2')!];
    const spiBefore = vpnOf(r2)!.sad.forPolicy('Tunnel0')!.inbound.spi;
    const tunnel0 = () => r1.config.interfaces.find((i) => i.name === 'Tunnel0')!;
    tunnel0().shutdown = true;
    r1.applyConfig();
    net.runFor(5_000_000);
    expect(vpnOf(r1)!.sad.bundles).toEqual([]);
    expect(vpnOf(r2)!.sad.bundles).toEqual([]);
    expect(r2.iface('Tunnel0')!.lineProtocol).toBe(false);
    expect(r2.logs.entries.map((e) => e.message)).toContain('%CRYPTO-5-SESSION_STATUS: Crypto tunnel is DOWN. Peer 203.0.113.1:500       Id: 203.0.113.1');
    // R2 asks again and R1, shut, refuses: the ISAKMP SA stays, without IPsec SAs.
    expect(isakmpSaViews(r2, vpnOf(r2)!).map((r) => r.state)).toEqual(['QM_IDLE']);
    expect(marks(net, 'H1', '10.2.2.10')).not.toContain('!');
    tunnel0().shutdown = false;
    r1.applyConfig();
    net.runFor(1_000_000);
    expect(r1.iface('Tunnel0')!.lineProtocol).toBe(true);
    expect(r2.iface('Tunnel0')!.lineProtocol).toBe(true);
    expect(vpnOf(r2)!.sad.forPolicy('Tunnel0')!.inbound.spi).not.toBe(spiBefore);
    // R2 has not needed H2's MAC yet in this lab: its first echo waits for ARP.
    expect(marks(net, 'H1', '10.2.2.10')).toBe('.!!!!');
  });
});

describe('OSPF over an IPsec VTI (ospf-over-vti.json)', () => {
  it('forms FULL on Tunnel0 (224.0.0.5 protected by ESP) and learns the remote LAN as O', () => {
    const net = up('ospf-over-vti.json');
    net.runFor(60_000_000);
    const r1 = net.device('R1')!;
    const n = ospfOf(r1)!.neighbors();
    expect(n.map((x) => [x.interface, x.state.split('/')[0]])).toEqual([['Tunnel0', 'FULL']]);
    const o = r1.rib.routes().find((r) => r.code === 'O' && r.prefixLength === 24);
    expect(o?.interface).toBe('Tunnel0');
    // The hellos went through ESP: R1's Tunnel0 encapsulations include OSPF.
    expect(net.trace.records.some((t) => t.device === 'R1' && t.point === 'Encap' && t.egress === 'Tunnel0' && t.before !== undefined && t.before[9] === 89 && /IPsec encryption/.test(t.decision))).toBe(true);
    expect(net.trace.records.some((t) => t.device === 'R2' && t.point === 'Deliver' && t.ingress === 'Tunnel0' && /OSPF/.test(t.protocol))).toBe(true);
    marks(net, 'H1', '10.2.2.10');
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
  });
});

describe('NAT-T (nat-t-static-nat.json)', () => {
  it('moves IKE to UDP 4500, puts ESP in UDP, and shows Tunnel UDP-Encaps with plaintext mtu 1422', () => {
    const net = up('nat-t-static-nat.json');
    const r1 = net.device('R1')!;
    const rt = vpnOf(r1)!;
    marks(net, 'H1', '10.2.2.10');
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
    const v = ipsecSaViews(r1, rt)[0]!;
    expect(v.inbound[0]!.settings).toBe('{Tunnel UDP-Encaps, }');
    expect(v.plaintextMtu).toBe(1422);
    expect(v.peerPort).toBe(4500);
    const udp = net.trace.records.filter((t) => t.device === 'R1' && t.point === 'Originate' && /ISAKMP to/.test(t.decision));
    expect(udp.some((t) => /:500$/.test(t.decision))).toBe(true);
    expect(udp.some((t) => /:4500$/.test(t.decision))).toBe(true);
    expect(net.trace.records.some((t) => t.device === 'R1' && t.point === 'Encap' && /NAT-T/.test(t.decision))).toBe(true);
    expect(r1.ipMtu(r1.iface('Tunnel0')!)).toBe(1422);
    // The reference CSR1000v behind NAT-T prints exactly this pair: MTU 9922, transport MTU 1422.
    const view = interfaceViews(r1).find((x) => x.name === 'Tunnel0')!;
    expect([view.mtu, view.tunnel!.transportMtu]).toEqual([9922, 1422]);
  });

  it('logs the session going down on the port it came up on (4500 behind NAT)', () => {
    const net = up('nat-t-static-nat.json');
    const r1 = net.device('R1')!;
    const messages = () => r1.logs.entries.map((e) => e.message);
    expect(messages()).toContain('%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP  .  Peer 198.51.100.2:4500       Id: 198.51.100.2');
    vpnOf(r1)!.clear('crypto sa');
    expect(messages()).toContain('%CRYPTO-5-SESSION_STATUS: Crypto tunnel is DOWN. Peer 198.51.100.2:4500       Id: 198.51.100.2');
  });
});

describe('VTI options', () => {
  it('negotiates PFS when the profiles set it, and shows the group', () => {
    let lab = sharedLab('vti-basic.json');
    for (const r of ['R1', 'R2']) lab = editConfig(lab, r, (c) => c.replace(' set transform-set TSET\n', ' set transform-set TSET\n set pfs group14\n'));
    const net = build(lab);
    net.converge(30_000_000);
    const r1 = net.device('R1')!;
    const v = ipsecSaViews(r1, vpnOf(r1)!)[0]!;
    expect([v.pfs, v.dhGroup]).toEqual([true, 'group14']);
  });

  it('prints debug crypto ipsec and isakmp lines in the log only while debugging', () => {
    const quiet = up('vti-basic.json');
    expect(quiet.device('R1')!.logs.entries.some((e) => /^ISAKMP|^IPSEC/.test(e.message))).toBe(false);
    const net = up('vti-basic.json', (n) => {
      const r1 = n.device('R1')!;
      n.start();
      vpnOf(r1)!.debug('crypto isakmp', true);
      vpnOf(r1)!.debug('crypto ipsec', true);
    });
    const lines = net.device('R1')!.logs.entries.map((e) => e.message);
    expect(lines.some((l) => /^ISAKMP/.test(l))).toBe(true);
    expect(lines.some((l) => /^IPSEC/.test(l))).toBe(true);
  });

  it('sends NAT keepalives behind NAT', () => {
    const net = up('nat-t-static-nat.json');
    net.runFor(60_000_000);
    expect(net.trace.records.some((t) => t.point === 'Originate' && /NAT-T keepalive to/.test(t.decision))).toBe(true);
  });
});
