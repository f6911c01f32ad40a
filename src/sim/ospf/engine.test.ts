import { describe, expect, it } from 'vitest';
import { parseOspf } from '../../wire/ospf';
import { formatIp } from '../addr';
import { SECOND } from '../scheduler';
import { FakeOspfNetwork, type RouterSpec } from './fake-network';

const M30 = '255.255.255.252';
const M24 = '255.255.255.0';

// ospf-over-vti.json, OSPF's view: Tunnel0 (point-to-point) and the LAN on GigabitEthernet2.
const R1: RouterSpec = {
  name: 'R1',
  interfaces: [
    { name: 'Tunnel0', address: '172.16.0.1', mask: M30, mtu: 1438 },
    { name: 'GigabitEthernet2', address: '10.1.1.1', mask: M24 },
  ],
  networks: [
    ['172.16.0.0', '0.0.0.3', '0'],
    ['10.1.1.0', '0.0.0.255', '0'],
  ],
};
const R2: RouterSpec = {
  name: 'R2',
  interfaces: [
    { name: 'Tunnel0', address: '172.16.0.2', mask: M30, mtu: 1438 },
    { name: 'GigabitEthernet2', address: '10.2.2.1', mask: M24 },
  ],
  networks: [
    ['172.16.0.0', '0.0.0.3', '0'],
    ['10.2.2.0', '0.0.0.255', '0'],
  ],
};

function vtiPair(tweak: (a: RouterSpec, b: RouterSpec) => void = () => {}): FakeOspfNetwork {
  const a = structuredClone(R1);
  const b = structuredClone(R2);
  tweak(a, b);
  const net = new FakeOspfNetwork([a, b], [['R1 Tunnel0', 'R2 Tunnel0'], ['R1 GigabitEthernet2'], ['R2 GigabitEthernet2']]);
  net.start();
  return net;
}

const routeText = (net: FakeOspfNetwork, name: string) =>
  net
    .engine(name)
    .routes()
    .map((r) => `${r.code} ${formatIp(r.network)}/${r.prefixLength} [${r.distance}/${r.metric}] via ${r.nextHop !== undefined ? formatIp(r.nextHop) : '-'}, ${r.interface}`);

describe('OSPF over a point-to-point tunnel (ospf-over-vti)', () => {
  it('reaches FULL, logs the IOS line, and learns the remote LAN as an O route at cost 1001', () => {
    const net = vtiPair();
    net.runFor(30 * SECOND);
    expect(net.logs('R1')).toEqual(['%OSPF-5-ADJCHG: Process 1, Nbr 172.16.0.2 on Tunnel0 from LOADING to FULL, Loading Done']);
    expect(net.logs('R2')).toEqual(['%OSPF-5-ADJCHG: Process 1, Nbr 172.16.0.1 on Tunnel0 from LOADING to FULL, Loading Done']);
    // Router ID: no loopback, so the highest interface address.
    expect(net.engine('R1').routerId).toBe('172.16.0.1');
    expect(routeText(net, 'R1')).toEqual(['O 10.2.2.0/24 [110/1001] via 172.16.0.2, Tunnel0']);
    expect(routeText(net, 'R2')).toEqual(['O 10.1.1.0/24 [110/1001] via 172.16.0.1, Tunnel0']);
    const row = net.engine('R1').neighbors(net.scheduler.now)[0]!;
    expect(row).toMatchObject({ neighborId: '172.16.0.2', priority: 0, state: 'FULL/  -', address: '172.16.0.2', interface: 'Tunnel0' });
    expect(row.deadTime).toMatch(/^00:00:[34]\d$/);
  });

  it('sends hellos to 224.0.0.5 with TTL 1 every 10 s, dead 40 s', () => {
    const net = vtiPair();
    net.runFor(25 * SECOND);
    const hellos = net.sent('R1').filter((p) => p.kind === 'Hello' && p.interface === 'Tunnel0');
    expect(hellos.length).toBeGreaterThanOrEqual(3);
    for (const h of hellos) {
      expect(formatIp(h.dst)).toBe('224.0.0.5');
      expect(h.ttl).toBe(1);
      const p = parseOspf(h.payload);
      if (!p.ok || p.value.body.kind !== 'hello') throw new Error('not a hello');
      expect(p.value.body).toMatchObject({ helloInterval: 10, deadInterval: 40, designatedRouter: '0.0.0.0' });
    }
    // Every packet on a point-to-point network goes to AllSPFRouters.
    expect(net.sent('R1').every((p) => p.interface !== 'Tunnel0' || formatIp(p.dst) === '224.0.0.5')).toBe(true);
  });

  it('a hello-interval mismatch forms no adjacency and says why', () => {
    const net = vtiPair((a) => {
      a.interfaces[0]!.hello = 5;
    });
    net.runFor(60 * SECOND);
    expect(net.engine('R1').neighbors(net.scheduler.now)).toEqual([]);
    expect(net.engine('R2').neighbors(net.scheduler.now)).toEqual([]);
    expect(net.logs('R1')).toEqual([]);
    expect(net.notes('R2')).toContain('OSPF: Mismatched hello parameters from 172.16.0.1 on Tunnel0: Dead R 20 C 40, Hello R 5 C 10; no adjacency');
    expect(net.engine('R1').routes()).toEqual([]);
  });

  it('an MTU mismatch leaves the adjacency stuck in EXSTART, as on IOS', () => {
    const net = vtiPair((a) => {
      a.interfaces[0]!.mtu = 1500;
    });
    net.runFor(60 * SECOND);
    expect(net.engine('R2').neighbors(net.scheduler.now)[0]!.state).toBe('EXSTART/  -');
    expect(net.notes('R2').some((n) => n.includes('larger interface MTU (1500 > 1438)'))).toBe(true);
  });

  it('the dead timer takes the neighbour down and withdraws the route', () => {
    const net = vtiPair();
    net.runFor(30 * SECOND);
    net.blocked.add(0);
    net.runFor(45 * SECOND);
    expect(net.logs('R1').at(-1)).toBe('%OSPF-5-ADJCHG: Process 1, Nbr 172.16.0.2 on Tunnel0 from FULL to DOWN, Neighbor Down: Dead timer expired');
    expect(net.engine('R1').routes()).toEqual([]);
  });

  it('the tunnel going down kills the adjacency at once (Interface down or detached)', () => {
    const net = vtiPair();
    net.runFor(30 * SECOND);
    net.setLinks('R1', [
      { name: 'Tunnel0', up: false },
      { name: 'GigabitEthernet2', up: true },
    ]);
    expect(net.logs('R1').at(-1)).toBe('%OSPF-5-ADJCHG: Process 1, Nbr 172.16.0.2 on Tunnel0 from FULL to DOWN, Neighbor Down: Interface down or detached');
  });

  it('is deterministic: the same run gives the same packets byte for byte', () => {
    const run = () => {
      const net = vtiPair();
      net.runFor(60 * SECOND);
      return net.sent('R1').map((p) => `${p.kind} ${formatIp(p.dst)} ${Buffer.from(p.payload).toString('hex')}`);
    };
    expect(run()).toEqual(run());
  });

  it('survives lost packets during the exchange (retransmissions)', () => {
    const net = vtiPair();
    net.runFor(1 * SECOND); // hellos, 2-way, first DBDs
    net.blocked.add(0);
    net.runFor(6 * SECOND);
    net.blocked.delete(0);
    net.runFor(40 * SECOND);
    expect(net.engine('R1').neighbors(net.scheduler.now)[0]!.state).toBe('FULL/  -');
    expect(routeText(net, 'R1')).toEqual(['O 10.2.2.0/24 [110/1001] via 172.16.0.2, Tunnel0']);
  });
});

describe('OSPF on a broadcast segment of three (DR/BDR election)', () => {
  const lan = (n: number, extra: RouterSpec['interfaces'] = []): RouterSpec => ({
    name: `R${n}`,
    interfaces: [{ name: 'GigabitEthernet1', address: `10.0.0.${n}`, mask: M24 }, { name: 'Loopback0', address: `${n}.${n}.${n}.${n}`, mask: '255.255.255.255' }, ...extra],
    networks: [
      ['10.0.0.0', '0.0.0.255', '0'],
      [`${n}.${n}.${n}.${n}`, '0.0.0.0', '0'],
    ],
  });

  it('elects the highest router ID as DR and the next as BDR; DROTHERs stay 2-WAY with each other', () => {
    const net = new FakeOspfNetwork([lan(1), lan(2), lan(3)], [['R1 GigabitEthernet1', 'R2 GigabitEthernet1', 'R3 GigabitEthernet1']]);
    net.start();
    net.runFor(60 * SECOND);
    const now = net.scheduler.now;
    // Router IDs are the loopbacks: 3.3.3.3 is DR, 2.2.2.2 BDR.
    expect(net.engine('R1').routerId).toBe('1.1.1.1');
    expect(net.engine('R1').neighbors(now).map((r) => `${r.neighborId} ${r.priority} ${r.state} ${r.address}`)).toEqual([
      '3.3.3.3 1 FULL/DR 10.0.0.3',
      '2.2.2.2 1 FULL/BDR 10.0.0.2',
    ]);
    expect(net.engine('R3').neighbors(now).map((r) => `${r.neighborId} ${r.state}`)).toEqual(['2.2.2.2 FULL/BDR', '1.1.1.1 FULL/DROTHER']);
    expect(net.engine('R3').interfaceStates().find((i) => i.name === 'GigabitEthernet1')).toMatchObject({ state: 'DR', dr: '10.0.0.3', bdr: '10.0.0.2' });
    // R1 learns the other loopbacks as /32 O routes at cost 2 through the segment.
    expect(routeText(net, 'R1')).toEqual(['O 2.2.2.2/32 [110/2] via 10.0.0.2, GigabitEthernet1', 'O 3.3.3.3/32 [110/2] via 10.0.0.3, GigabitEthernet1']);
    // The DR originates the network LSA listing all three.
    const db = net.engine('R1').database('0', now);
    expect(db.filter((h) => h.lsType === 2).map((h) => `${h.linkStateId} ${h.advertisingRouter}`)).toEqual(['10.0.0.3 3.3.3.3']);
  });

  it('a DROTHER pair stays 2WAY', () => {
    const net = new FakeOspfNetwork([lan(1), lan(2), lan(3), lan(4)], [['R1 GigabitEthernet1', 'R2 GigabitEthernet1', 'R3 GigabitEthernet1', 'R4 GigabitEthernet1']]);
    net.start();
    net.runFor(60 * SECOND);
    const rows = net.engine('R1').neighbors(net.scheduler.now).map((r) => `${r.neighborId} ${r.state}`);
    expect(rows).toEqual(['4.4.4.4 FULL/DR', '3.3.3.3 FULL/BDR', '2.2.2.2 2WAY/DROTHER']);
  });
});

describe('OSPF across areas (O IA through an ABR)', () => {
  it('an ABR summarises area 1 into area 0 and area 0 into area 1', () => {
    // R1 (area 0 only) -- Tunnel -- R2 (ABR) -- Ethernet -- R3 (area 1 only, LAN 10.3.3.0/24)
    const r1: RouterSpec = {
      name: 'R1',
      routerId: '1.1.1.1',
      interfaces: [
        { name: 'Tunnel0', address: '172.16.0.1', mask: M30 },
        { name: 'GigabitEthernet2', address: '10.1.1.1', mask: M24 },
      ],
      networks: [
        ['172.16.0.0', '0.0.0.3', '0'],
        ['10.1.1.0', '0.0.0.255', '0'],
      ],
    };
    const r2: RouterSpec = {
      name: 'R2',
      routerId: '2.2.2.2',
      interfaces: [
        { name: 'Tunnel0', address: '172.16.0.2', mask: M30 },
        { name: 'GigabitEthernet1', address: '192.168.23.2', mask: M24 },
      ],
      networks: [
        ['172.16.0.0', '0.0.0.3', '0'],
        ['192.168.23.0', '0.0.0.255', '1'],
      ],
    };
    const r3: RouterSpec = {
      name: 'R3',
      routerId: '3.3.3.3',
      interfaces: [
        { name: 'GigabitEthernet1', address: '192.168.23.3', mask: M24 },
        { name: 'GigabitEthernet2', address: '10.3.3.1', mask: M24 },
      ],
      // The broader statement is written first; IOS still matches the more specific one first.
      networks: [
        ['0.0.0.0', '255.255.255.255', '1'],
        ['10.3.3.0', '0.0.0.255', '1'],
      ],
    };
    const net = new FakeOspfNetwork(
      [r1, r2, r3],
      [['R1 Tunnel0', 'R2 Tunnel0'], ['R2 GigabitEthernet1', 'R3 GigabitEthernet1'], ['R1 GigabitEthernet2'], ['R3 GigabitEthernet2']],
    );
    net.start();
    net.runFor(90 * SECOND);
    expect(routeText(net, 'R1')).toEqual([
      'O IA 10.3.3.0/24 [110/1002] via 172.16.0.2, Tunnel0',
      'O IA 192.168.23.0/24 [110/1001] via 172.16.0.2, Tunnel0',
    ]);
    expect(routeText(net, 'R3')).toEqual([
      'O IA 10.1.1.0/24 [110/1002] via 192.168.23.2, GigabitEthernet1',
      'O IA 172.16.0.0/30 [110/1001] via 192.168.23.2, GigabitEthernet1',
    ]);
    expect(routeText(net, 'R2')).toEqual(['O 10.1.1.0/24 [110/1001] via 172.16.0.1, Tunnel0', 'O 10.3.3.0/24 [110/2] via 192.168.23.3, GigabitEthernet1']);
    expect(net.engine('R2').protocolInfo(net.scheduler.now)).toMatchObject({ isAbr: true, routerId: '2.2.2.2', areas: ['0', '1'] });
  });
});

describe('OSPF show output', () => {
  it('show ip ospf neighbor and show ip protocols, IOS layout', async () => {
    const { formatOspfNeighbors, formatOspfProtocols } = await import('./show');
    const net = vtiPair();
    net.runFor(30 * SECOND);
    const now = net.scheduler.now;
    const rows = net.engine('R1').neighbors(now);
    expect(formatOspfNeighbors(rows)).toBe(
      ['', 'Neighbor ID     Pri   State           Dead Time   Address         Interface', `172.16.0.2        0   FULL/  -        ${rows[0]!.deadTime}    172.16.0.2      Tunnel0`, ''].join('\n'),
    );
    const text = formatOspfProtocols(net.engine('R1').protocolInfo(now));
    expect(text).toContain('Routing Protocol is "ospf 1"\n');
    expect(text).toContain('  Router ID 172.16.0.1\n  Number of areas in this router is 1. 1 normal 0 stub 0 nssa\n  Maximum path: 4\n');
    expect(text).toContain('  Routing for Networks:\n    172.16.0.0 0.0.0.3 area 0\n    10.1.1.0 0.0.0.255 area 0\n');
    expect(text).toMatch(/ {4}Gateway {9}Distance {6}Last Update\n {4}172\.16\.0\.2 {11}110 {6}00:00:\d\d\n {2}Distance: \(default is 110\)\n/);
  });
});

describe('OSPF goes quiet once converged', () => {
  it('no LS Update or LSR is sent in steady state on a shared segment (acks reach DR and BDR)', () => {
    const lan = (n: number): RouterSpec => ({
      name: `R${n}`,
      interfaces: [{ name: 'GigabitEthernet1', address: `10.0.0.${n}`, mask: M24 }, { name: 'Loopback0', address: `${n}.${n}.${n}.${n}`, mask: '255.255.255.255' }],
      networks: [['0.0.0.0', '255.255.255.255', '0']],
    });
    const net = new FakeOspfNetwork([lan(1), lan(2), lan(3), lan(4)], [['R1 GigabitEthernet1', 'R2 GigabitEthernet1', 'R3 GigabitEthernet1', 'R4 GigabitEthernet1']]);
    net.start();
    net.runFor(90 * SECOND);
    const before = ['R1', 'R2', 'R3', 'R4'].map((r) => net.sent(r).length);
    net.runFor(60 * SECOND);
    for (const [k, r] of ['R1', 'R2', 'R3', 'R4'].entries()) {
      const later = net.sent(r).slice(before[k]);
      expect(later.filter((p) => p.kind !== 'Hello')).toEqual([]);
      expect(later.length).toBe(6); // one hello every 10 s
    }
    expect(routeText(net, 'R1')).toHaveLength(3);
  });
});

describe('OSPF hub and spokes', () => {
  it('a hub with 12 spokes over small-MTU tunnels: multi-packet DBD exchange, every spoke FULL, every LAN learned', () => {
    const hub: RouterSpec = { name: 'HUB', routerId: '10.255.255.255', interfaces: [], networks: [['0.0.0.0', '255.255.255.255', '0']] };
    const specs: RouterSpec[] = [hub];
    const segments: string[][] = [];
    for (let k = 1; k <= 12; k++) {
      // MTU 200: a DBD holds 7 LSA headers, so the 13-LSA database needs two.
      hub.interfaces.push({ name: `Tunnel${k}`, address: `172.16.${k}.1`, mask: M30, mtu: 200 });
      specs.push({
        name: `S${k}`,
        interfaces: [
          { name: 'Tunnel0', address: `172.16.${k}.2`, mask: M30, mtu: 200 },
          { name: 'GigabitEthernet2', address: `10.${k}.0.1`, mask: M24 },
        ],
        networks: [['0.0.0.0', '255.255.255.255', '0']],
      });
      segments.push([`HUB Tunnel${k}`, `S${k} Tunnel0`], [`S${k} GigabitEthernet2`]);
    }
    const net = new FakeOspfNetwork(specs, segments);
    net.start();
    // S12 joins late, when the hub's database no longer fits one DBD.
    const s12Links = (up: boolean) => [
      { name: 'Tunnel0', up, mtu: 200 },
      { name: 'GigabitEthernet2', up: true },
    ];
    net.setLinks('S12', s12Links(false));
    net.runFor(60 * SECOND);
    const sentBefore = net.sent('HUB').length;
    net.setLinks('S12', s12Links(true));
    net.runFor(60 * SECOND);
    expect(net.engine('HUB').neighbors(net.scheduler.now).filter((r) => r.state === 'FULL/  -')).toHaveLength(12);
    const dbdHeaders = net
      .sent('HUB')
      .slice(sentBefore)
      .filter((p) => p.kind === 'DBD' && p.interface === 'Tunnel12')
      .map((p) => {
        const d = parseOspf(p.payload);
        return d.ok && d.value.body.kind === 'dbd' ? d.value.body.lsaHeaders.length : 0;
      })
      .filter((n) => n > 0);
    expect(dbdHeaders.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...dbdHeaders)).toBeLessThanOrEqual(7);
    expect(dbdHeaders.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
    // S1 reaches S7's LAN through the hub: two tunnels (1000 each) and the LAN (1).
    expect(routeText(net, 'S1')).toContain('O 10.7.0.0/24 [110/2001] via 172.16.1.1, Tunnel0');
    expect(net.engine('S1').routes().filter((r) => r.prefixLength === 24)).toHaveLength(11);
    expect(net.engine('S1').database('0', net.scheduler.now).filter((h) => h.lsType === 1)).toHaveLength(13);
  });
});

describe('LSA aging', () => {
  it("a vanished router's LSAs age out at MaxAge (3600 s) and are flushed; our own are refreshed every 30 min", () => {
    const net = vtiPair();
    net.runFor(30 * SECOND);
    net.blocked.add(0);
    net.runFor(3700 * SECOND);
    const db = net.engine('R1').database('0', net.scheduler.now);
    expect(db.map((h) => `${h.lsType} ${h.advertisingRouter}`)).toEqual(['1 172.16.0.1']);
    // R1's own router LSA was reissued at 1800 s and 3600 s.
    expect(db[0]!.sequence).toBeGreaterThanOrEqual((0x80000001 | 0) + 3);
    expect(db[0]!.age).toBeLessThan(1800);
  });
});
