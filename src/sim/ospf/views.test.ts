// The data behind `show ip ospf`, `show ip ospf interface` and `show ip ospf database`, read from
// engines running in the real simulation: the GRE transit lab with OSPF on the tunnel (point-to-
// point), on the R1-R3 Ethernet (broadcast: DR/BDR) and R1's LAN in area 1 (so R1 is an ABR).
import { describe, expect, it } from 'vitest';
import { lsaChecksumValid } from '../../wire/ospf';
import { SECOND } from '../scheduler';
import { buildNetwork, loadTestLab, withConfig } from '../testlabs/load';
import { ospfOf, ospfPlugin } from './plugin';
import { hmsMillis } from './views';

function lab(tunnelShut = false) {
  let l = loadTestLab('gre-transit.json');
  l = withConfig(l, 'R1', (c) =>
    c
      .replace('ip route 10.2.2.0 255.255.255.0 Tunnel0\n', '')
      .replace('interface Tunnel0\n', `interface Loopback0\n ip address 1.1.1.1 255.255.255.255\n!\ninterface Tunnel0\n${tunnelShut ? ' shutdown\n' : ''}`) +
      'router ospf 1\n network 1.1.1.1 0.0.0.0 area 0\n network 172.16.0.0 0.0.0.3 area 0\n network 198.51.100.0 0.0.0.3 area 0\n network 10.1.1.0 0.0.0.255 area 1\n',
  );
  l = withConfig(l, 'R2', (c) => c.replace('ip route 10.1.1.0 255.255.255.0 Tunnel0\n', '') + 'router ospf 1\n network 172.16.0.0 0.0.0.3 area 0\n network 10.2.2.0 0.0.0.255 area 0\n');
  l = withConfig(l, 'R3', (c) => c + 'router ospf 1\n router-id 3.3.3.3\n network 198.51.100.0 0.0.0.3 area 0\n');
  const net = buildNetwork(l, { plugins: [ospfPlugin] });
  net.runFor(90 * SECOND);
  return net;
}

describe('OSPF show views', () => {
  it('interfaces: network type, cost, timers, state, DR/BDR and neighbour counts', () => {
    const net = lab();
    const views = ospfOf(net.device('R1')!)!.interfaceViews();
    const byName = new Map(views.map((v) => [v.name, v]));
    expect(views.map((v) => `${v.name} ${v.area} ${v.networkType} ${v.cost} ${v.state} ${v.adjacentCount}/${v.neighborCount}`)).toEqual([
      'Loopback0 0 loopback 1 LOOPBACK 0/0',
      'Tunnel0 0 point-to-point 1000 P2P 1/1',
      'GigabitEthernet1 0 broadcast 1 BDR 1/1',
      'GigabitEthernet2 1 broadcast 1 DR 0/0',
    ]);
    const tu = byName.get('Tunnel0')!;
    expect(tu).toMatchObject({ routerId: '1.1.1.1', address: '172.16.0.1', prefixLength: 30, helloInterval: 10, deadInterval: 40, retransmitInterval: 5, adjacent: [{ routerId: '203.0.113.2' }] });
    expect(tu.dr).toBeUndefined();
    expect(tu.helloDue).toMatch(/^00:00:(0\d|10)$/);
    // R3 (3.3.3.3) has the higher router ID, so it is DR on the shared Ethernet and R1 the BDR.
    const gi1 = byName.get('GigabitEthernet1')!;
    expect(gi1.dr).toEqual({ routerId: '3.3.3.3', address: '198.51.100.2' });
    expect(gi1.bdr).toEqual({ routerId: '1.1.1.1', address: '198.51.100.1' });
    expect(gi1.adjacent).toEqual([{ routerId: '3.3.3.3', role: 'DR' }]);
  });

  it('a shut interface a network statement covers is listed in state DOWN', () => {
    const net = lab(true);
    const tu = ospfOf(net.device('R1')!)!.interfaceViews().find((v) => v.name === 'Tunnel0')!;
    expect(tu).toMatchObject({ state: 'DOWN', networkType: 'point-to-point', cost: 1000, neighborCount: 0, area: '0' });
    expect(tu.helloDue).toBeUndefined();
  });

  it('database: router, network and summary LSAs per area, with the bytes their checksum covers', () => {
    const net = lab();
    const [db] = ospfOf(net.device('R1')!)!.databaseViews();
    expect(db!.routerId).toBe('1.1.1.1');
    expect(db!.areas.map((a) => a.area)).toEqual(['0', '1']);
    const area0 = db!.areas[0]!;
    expect(area0.router.map((r) => `${r.linkId} ${r.advRouter} ${r.linkCount}`)).toEqual([
      // R1: loopback stub, tunnel p2p + its stub, transit Ethernet. R2: tunnel p2p + stub, LAN stub.
      '1.1.1.1 1.1.1.1 4',
      '3.3.3.3 3.3.3.3 1',
      '203.0.113.2 203.0.113.2 3',
    ]);
    expect(area0.network.map((r) => `${r.linkId} ${r.advRouter}`)).toEqual(['198.51.100.2 3.3.3.3']);
    expect(area0.summary.map((r) => `${r.linkId} ${r.advRouter}`)).toEqual(['10.1.1.0 1.1.1.1']);
    for (const r of [...area0.router, ...area0.network, ...area0.summary]) {
      expect(r.sequence).toBeGreaterThanOrEqual(0x80000001);
      expect(r.age).toBeLessThan(3600);
    }
    // The checksum shown is the one in the LSA as stored: recompute over its bytes.
    const stored = ospfOf(net.device('R1')!)!.engines.get(1)!.viewSource().areas.get('0.0.0.0')!.all();
    for (const e of stored) {
      expect(lsaChecksumValid(e.bytes)).toBe(true);
      const row = [...area0.router, ...area0.network, ...area0.summary].find((r) => r.linkId === e.lsa.header.linkStateId && r.advRouter === e.lsa.header.advertisingRouter);
      expect(row?.checksum).toBe((e.bytes[16]! << 8) | e.bytes[17]!);
    }
  });

  it('process: router ID, ABR, areas with interface and LSA counts, SPF runs', () => {
    const net = lab();
    const [p] = ospfOf(net.device('R1')!)!.processViews();
    expect(p).toMatchObject({ processId: 1, routerId: '1.1.1.1', isAbr: true, spfDelayMs: 5000, spfHoldMs: 10000, startTime: '00:00:00.000' });
    expect(p!.elapsed).toBe(hmsMillis(net.now));
    const [a0, a1] = p!.areas;
    expect(a0).toMatchObject({ area: '0', interfaces: 3, loopbacks: 1, lsaCount: 5 });
    expect(a1).toMatchObject({ area: '1', interfaces: 1, loopbacks: 0 });
    expect(a0!.spfRuns).toBeGreaterThan(0);
    expect(a0!.lastSpfAgo).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    const [db] = ospfOf(net.device('R1')!)!.databaseViews();
    const rows = [...db!.areas[0]!.router, ...db!.areas[0]!.network, ...db!.areas[0]!.summary];
    expect(a0!.checksumSum).toBe(rows.reduce((s, r) => s + r.checksum, 0));
  });

  it('debug ip ospf hello: IOS 15 hello lines while on, none after undebug all', () => {
    const net = lab();
    const r1 = net.device('R1')!;
    const rt = ospfOf(r1)!;
    const before = r1.logs.entries.length;
    rt.debug('ip ospf hello', true);
    net.runFor(11 * SECOND);
    const lines = r1.logs.entries.slice(before).map((e) => e.message);
    expect(lines).toContain('OSPF-1 HELLO Tu0: Send hello to 224.0.0.5 area 0 from 172.16.0.1');
    expect(lines).toContain('OSPF-1 HELLO Tu0: Rcv hello from 203.0.113.2 area 0 172.16.0.2');
    expect(lines).toContain('OSPF-1 HELLO Gi1: Rcv hello from 3.3.3.3 area 0 198.51.100.2');
    rt.debug('all', false);
    const after = r1.logs.entries.length;
    net.runFor(11 * SECOND);
    expect(r1.logs.entries.slice(after).filter((e) => e.message.includes('HELLO'))).toEqual([]);
  });
});
