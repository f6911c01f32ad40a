// OSPF inside the real simulation: the GRE transit lab with its static LAN routes replaced by
// `router ospf 1` on both tunnel ends. Hellos cross the GRE tunnel as multicast with TTL 1.
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../wire/ipv4';
import { formatIp, ip } from '../addr';
import { ping } from '../ping';
import { SECOND } from '../scheduler';
import { buildNetwork, loadTestLab, withConfig } from '../testlabs/load';
import { ospfOf, ospfPlugin } from './plugin';
import { formatOspfNeighbors } from './show';

function ospfLab() {
  let lab = loadTestLab('gre-transit.json');
  lab = withConfig(lab, 'R1', (c) => c.replace('ip route 10.2.2.0 255.255.255.0 Tunnel0\n', '') + 'router ospf 1\n network 172.16.0.0 0.0.0.3 area 0\n network 10.1.1.0 0.0.0.255 area 0\n');
  lab = withConfig(lab, 'R2', (c) => c.replace('ip route 10.1.1.0 255.255.255.0 Tunnel0\n', '') + 'router ospf 1\n network 172.16.0.0 0.0.0.3 area 0\n network 10.2.2.0 0.0.0.255 area 0\n');
  return lab;
}

describe('OSPF plugin in the simulation (OSPF over GRE)', () => {
  it('forms FULL over Tunnel0, installs the remote LAN as O, and H1 pings H2', () => {
    const net = buildNetwork(ospfLab(), { plugins: [ospfPlugin] });
    net.runFor(60 * SECOND);
    const r1 = net.device('R1')!;
    // Router IDs: no loopback, so each router's highest address (R2: 203.0.113.2).
    const rows = ospfOf(r1)!.neighbors();
    expect(rows.map((r) => `${r.neighborId} ${r.state} ${r.address} ${r.interface}`)).toEqual(['203.0.113.2 FULL/  - 172.16.0.2 Tunnel0']);
    expect(formatOspfNeighbors(rows)).toContain('203.0.113.2       0   FULL/  -        ');
    expect(r1.logs.entries.map((e) => e.message)).toContain('%OSPF-5-ADJCHG: Process 1, Nbr 203.0.113.2 on Tunnel0 from LOADING to FULL, Loading Done');
    const o = r1.rib.routes().filter((r) => r.code === 'O');
    expect(o.map((r) => `${formatIp(r.network)}/${r.prefixLength} [${r.distance}/${r.metric}] via ${r.nextHop !== undefined ? formatIp(r.nextHop) : '-'} ${r.interface}`)).toEqual([
      '10.2.2.0/24 [110/1001] via 172.16.0.2 Tunnel0',
    ]);
    expect(ospfOf(r1)!.ipProtocols().ospf[0]).toMatchObject({ processId: 1, routerId: '198.51.100.1', areas: { normal: 1, stub: 0, nssa: 0 }, distance: 110 });
    ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
    expect(ping(net, net.device('H1')!, { target: ip('10.2.2.10') }).successRate).toBe(100);
  });

  it('hellos leave as 224.0.0.5, TTL 1, precedence 6, inside GRE', () => {
    const net = buildNetwork(ospfLab(), { plugins: [ospfPlugin] });
    net.runFor(20 * SECOND);
    const originated = net.trace.records.filter((r) => r.device === 'R1' && r.point === 'Originate' && r.protocol === 'OSPF');
    expect(originated.length).toBeGreaterThan(0);
    const hello = originated.map((r) => r.after ?? r.before).find((b) => b && parseIpv4(b).ok && (parseIpv4(b) as { ok: true; value: { dst: string } }).value.dst === '224.0.0.5');
    expect(hello).toBeDefined();
    const p = parseIpv4(hello!);
    if (!p.ok) throw new Error(p.error);
    expect(p.value).toMatchObject({ ttl: 1, tos: 0xc0, protocol: 89 });
  });
});
