// OSPF show layouts, checked column for column against real IOS 15 output lines (quoted in the
// expectations) given the same data.
import { describe, expect, it } from 'vitest';
import { formatOspfDatabase, formatOspfInterfaceBrief, formatOspfInterfaces, formatOspfProcesses } from './ospf';
import type { OspfInterfaceView, OspfProcessView } from './other-types';
import type { InterfaceStatus } from './types';

const base = { processId: 1, routerId: '1.1.1.1', area: '0', priority: 1, helloInterval: 10, deadInterval: 40, retransmitInterval: 5, passive: false, neighborCount: 0, adjacentCount: 0, adjacent: [] };
const view = (v: Partial<OspfInterfaceView> & Pick<OspfInterfaceView, 'name' | 'address' | 'prefixLength' | 'networkType' | 'cost' | 'state'>): OspfInterfaceView => ({ ...base, ...v });
const up: InterfaceStatus = { name: '', method: 'NVRAM', status: 'up', protocol: 'up' };

describe('show ip ospf interface brief', () => {
  it('lays rows out in the IOS columns', () => {
    const out = formatOspfInterfaceBrief([
      view({ name: 'GigabitEthernet0/0', area: '10', address: '192.168.1.1', prefixLength: 24, networkType: 'broadcast', cost: 1, state: 'DR' }),
      view({ name: 'GigabitEthernet0/2', address: '10.0.0.1', prefixLength: 30, networkType: 'broadcast', cost: 1, state: 'BDR', neighborCount: 1, adjacentCount: 1 }),
      view({ name: 'Tunnel0', address: '172.16.0.1', prefixLength: 30, networkType: 'point-to-point', cost: 1000, state: 'P2P', neighborCount: 1, adjacentCount: 0 }),
      view({ name: 'Loopback0', address: '1.1.1.1', prefixLength: 32, networkType: 'loopback', cost: 1, state: 'LOOPBACK' }),
      view({ name: 'Tunnel1', address: '172.16.1.1', prefixLength: 30, networkType: 'point-to-point', cost: 1000, state: 'DOWN' }),
      view({ name: 'GigabitEthernet3', address: '10.3.3.1', prefixLength: 24, networkType: 'broadcast', cost: 1, state: 'DROTHER' }),
    ]);
    expect(out.split('\n')).toEqual([
      'Interface    PID   Area            IP Address/Mask    Cost  State Nbrs F/C',
      'Gi0/0        1     10              192.168.1.1/24     1     DR    0/0',
      'Gi0/2        1     0               10.0.0.1/30        1     BDR   1/1',
      'Tu0          1     0               172.16.0.1/30      1000  P2P   0/1',
      'Lo0          1     0               1.1.1.1/32         1     LOOP  0/0',
      'Tu1          1     0               172.16.1.1/30      1000  DOWN  0/0',
      'Gi3          1     0               10.3.3.1/24        1     DROTH 0/0',
      '',
    ]);
  });

  it('prints nothing without OSPF', () => {
    expect(formatOspfInterfaceBrief([])).toBe('');
  });
});

describe('show ip ospf interface', () => {
  it('a VTI: POINT_TO_POINT, cost 1000, no DR, the adjacent neighbour', () => {
    const v = view({ name: 'Tunnel0', address: '172.16.1.100', prefixLength: 24, networkType: 'point-to-point', cost: 1000, state: 'P2P', helloDue: '00:00:02', neighborCount: 1, adjacentCount: 1, adjacent: [{ routerId: '2.2.2.2' }] });
    const out = formatOspfInterfaces([{ ...v, processId: 110, routerId: '202.100.1.100' }], () => up);
    expect(out).toBe(
      [
        'Tunnel0 is up, line protocol is up ',
        '  Internet Address 172.16.1.100/24, Area 0, Attached via Network Statement',
        '  Process ID 110, Router ID 202.100.1.100, Network Type POINT_TO_POINT, Cost: 1000',
        '  Topology-MTID    Cost    Disabled    Shutdown      Topology Name',
        '        0           1000      no          no            Base',
        '  Transmit Delay is 1 sec, State POINT_TO_POINT',
        '  Timer intervals configured, Hello 10, Dead 40, Wait 40, Retransmit 5',
        '    oob-resync timeout 40',
        '    Hello due in 00:00:02',
        '  Supports Link-local Signaling (LLS)',
        '  Cisco NSF helper support enabled',
        '  IETF NSF helper support enabled',
        '  Neighbor Count is 1, Adjacent neighbor count is 1 ',
        '    Adjacent with neighbor 2.2.2.2',
        '  Suppress hello for 0 neighbor(s)',
        '',
      ].join('\n'),
    );
  });

  it('Ethernet: BROADCAST, priority, DR and BDR, the role of each adjacent neighbour', () => {
    const v = view({
      name: 'GigabitEthernet1',
      address: '10.0.0.5',
      prefixLength: 30,
      networkType: 'broadcast',
      cost: 1,
      state: 'DR',
      helloDue: '00:00:07',
      dr: { routerId: '1.1.1.1', address: '10.0.0.5' },
      bdr: { routerId: '22.22.22.22', address: '10.0.0.6' },
      neighborCount: 1,
      adjacentCount: 1,
      adjacent: [{ routerId: '22.22.22.22', role: 'BDR' }],
    });
    const lines = formatOspfInterfaces([v], () => up).split('\n');
    expect(lines).toContain('  Process ID 1, Router ID 1.1.1.1, Network Type BROADCAST, Cost: 1');
    expect(lines).toContain('        0           1         no          no            Base');
    expect(lines).toContain('  Transmit Delay is 1 sec, State DR, Priority 1');
    expect(lines).toContain('  Designated Router (ID) 1.1.1.1, Interface address 10.0.0.5');
    expect(lines).toContain('  Backup Designated router (ID) 22.22.22.22, Interface address 10.0.0.6');
    expect(lines).toContain('    Adjacent with neighbor 22.22.22.22  (Backup Designated Router)');
  });

  it('a VTI whose line protocol is down: state DOWN and its status line', () => {
    const v = view({ name: 'Tunnel0', address: '172.16.0.1', prefixLength: 30, networkType: 'point-to-point', cost: 1000, state: 'DOWN' });
    const out = formatOspfInterfaces([v], () => ({ ...up, protocol: 'down' }));
    expect(out.split('\n').slice(0, 1)).toEqual(['Tunnel0 is up, line protocol is down ']);
    expect(out).toContain('  Transmit Delay is 1 sec, State DOWN\n  Timer intervals configured, Hello 10, Dead 40, Wait 40, Retransmit 5\n');
    expect(out).not.toContain('Hello due');
  });

  it('one named interface; one without OSPF says so', () => {
    const a = view({ name: 'Tunnel0', address: '172.16.0.1', prefixLength: 30, networkType: 'point-to-point', cost: 1000, state: 'P2P' });
    const b = view({ name: 'Loopback0', address: '1.1.1.1', prefixLength: 32, networkType: 'loopback', cost: 1, state: 'LOOPBACK' });
    const only = formatOspfInterfaces([a, b], () => up, 'Loopback0');
    expect(only.startsWith('Loopback0 is up, line protocol is up \n')).toBe(true);
    expect(only).toContain('Network Type LOOPBACK, Cost: 1\n');
    expect(only.endsWith('  Loopback interface is treated as a stub Host\n')).toBe(true);
    expect(only).not.toContain('Tunnel0');
    expect(formatOspfInterfaces([a], () => up, 'GigabitEthernet1')).toBe('GigabitEthernet1 is up, line protocol is up \n  OSPF not enabled on this interface\n');
  });
});

describe('show ip ospf database', () => {
  it('one table per LSA type and area, in the IOS columns', () => {
    const out = formatOspfDatabase([
      {
        processId: 1,
        routerId: '10.1.1.1',
        areas: [
          {
            area: '0',
            router: [
              { linkId: '10.1.1.1', advRouter: '10.1.1.1', age: 1190, sequence: 0x80000004, checksum: 0xcce0, linkCount: 5 },
              { linkId: '10.2.2.2', advRouter: '10.2.2.2', age: 1175, sequence: 0x80000004, checksum: 0x1f76, linkCount: 5 },
            ],
            network: [{ linkId: '10.0.0.2', advRouter: '2.2.2.2', age: 147, sequence: 0x80000001, checksum: 0x7f56 }],
            summary: [],
          },
          { area: '1', router: [{ linkId: '10.1.1.1', advRouter: '10.1.1.1', age: 5, sequence: 0x80000001, checksum: 0xabc, linkCount: 1 }], network: [], summary: [{ linkId: '192.168.1.0', advRouter: '10.1.1.1', age: 128, sequence: 0x80000001, checksum: 0xf234 }] },
        ],
      },
    ]);
    expect(out.split('\n')).toEqual([
      '',
      '            OSPF Router with ID (10.1.1.1) (Process ID 1)',
      '',
      '                Router Link States (Area 0)',
      '',
      'Link ID         ADV Router      Age         Seq#       Checksum Link count',
      '10.1.1.1        10.1.1.1        1190        0x80000004 0x00CCE0 5',
      '10.2.2.2        10.2.2.2        1175        0x80000004 0x001F76 5',
      '',
      '                Net Link States (Area 0)',
      '',
      'Link ID         ADV Router      Age         Seq#       Checksum',
      '10.0.0.2        2.2.2.2         147         0x80000001 0x007F56',
      '',
      '                Router Link States (Area 1)',
      '',
      'Link ID         ADV Router      Age         Seq#       Checksum Link count',
      '10.1.1.1        10.1.1.1        5           0x80000001 0x000ABC 1',
      '',
      '                Summary Net Link States (Area 1)',
      '',
      'Link ID         ADV Router      Age         Seq#       Checksum',
      '192.168.1.0     10.1.1.1        128         0x80000001 0x00F234',
      '',
    ]);
  });
});

describe('show ip ospf', () => {
  const proc = (areas: OspfProcessView['areas']): OspfProcessView => ({ processId: 1, routerId: '1.1.1.1', startTime: '00:00:00.000', elapsed: '00:05:12.456', isAbr: areas.length > 1, spfDelayMs: 5000, spfHoldMs: 10000, referenceBandwidthMbps: 100, areas });
  const area = (name: string, loopbacks = 0) => ({ area: name, interfaces: 2, loopbacks, spfRuns: 3, lastSpfAgo: '00:04:41.108', lsaCount: 2, checksumSum: 0x1431c });

  it('the process lines, then each area (the backbone named BACKBONE)', () => {
    const out = formatOspfProcesses([proc([area('0', 1)])]).split('\n');
    expect(out.slice(0, 2)).toEqual([' Routing Process "ospf 1" with ID 1.1.1.1', ' Start time: 00:00:00.000, Time elapsed: 00:05:12.456']);
    expect(out).toContain(' Initial SPF schedule delay 5000 msecs');
    expect(out).toContain(' Minimum hold time between two consecutive SPFs 10000 msecs');
    expect(out).toContain(' Number of areas in this router is 1. 1 normal 0 stub 0 nssa');
    expect(out).toContain(' Reference bandwidth unit is 100 mbps');
    expect(out).not.toContain(' It is an area border router');
    const at = out.indexOf('    Area BACKBONE(0)');
    expect(out.slice(at, at + 7)).toEqual([
      '    Area BACKBONE(0)',
      '        Number of interfaces in this area is 2 (1 loopback)',
      '        Area has no authentication',
      '        SPF algorithm last executed 00:04:41.108 ago',
      '        SPF algorithm executed 3 times',
      '        Area ranges are',
      '        Number of LSA 2. Checksum Sum 0x01431C',
    ]);
  });

  it('an ABR says so and lists every area', () => {
    const out = formatOspfProcesses([proc([area('0'), area('1')])]).split('\n');
    expect(out).toContain(' It is an area border router');
    expect(out).toContain(' Number of areas in this router is 2. 2 normal 0 stub 0 nssa');
    expect(out).toContain('    Area 1');
    expect(out).toContain('        Number of interfaces in this area is 2');
  });
});
