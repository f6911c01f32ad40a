import { describe, expect, it } from 'vitest';
import { formatIp } from '../addr';
import { SECOND } from '../scheduler';
import { chooseRouterId, interfaceCost, ospfInterfaces, orderedNetworks } from './config';
import { FakeOspfNetwork, routerConfig } from './fake-network';

describe('router ospf configuration', () => {
  const cfg = routerConfig({
    name: 'R1',
    interfaces: [
      { name: 'GigabitEthernet1', address: '10.0.1.1', mask: '255.255.255.0' },
      { name: 'GigabitEthernet2', address: '10.0.2.1', mask: '255.255.255.0' },
      { name: 'Tunnel0', address: '172.16.0.1', mask: '255.255.255.252' },
      { name: 'Loopback0', address: '1.1.1.1', mask: '255.255.255.255' },
    ],
    // Written broad first: IOS keeps and matches the most specific statement first.
    networks: [
      ['10.0.0.0', '0.255.255.255', '2'],
      ['10.0.1.0', '0.0.0.255', '1'],
      ['172.16.0.0', '0.0.0.3', '0'],
    ],
  });
  const up = new Map(cfg.interfaces.map((i) => [i.name, { name: i.name, up: true }]));

  it('matches network statements most specific first, whatever the order written', () => {
    expect(orderedNetworks(cfg.ospf[0]!.networks).map((n) => `${n.address} ${n.wildcard} area ${n.area}`)).toEqual([
      '172.16.0.0 0.0.0.3 area 0',
      '10.0.1.0 0.0.0.255 area 1',
      '10.0.0.0 0.255.255.255 area 2',
    ]);
    const ifs = ospfInterfaces(cfg.ospf[0]!, cfg.interfaces, up);
    expect(ifs.map((i) => `${i.name} area ${i.area} ${i.kind} cost ${i.cost}`)).toEqual([
      'GigabitEthernet1 area 1 broadcast cost 1',
      'GigabitEthernet2 area 2 broadcast cost 1',
      'Tunnel0 area 0 point-to-point cost 1000',
    ]);
  });

  it('costs: reference bandwidth 100 Mbit/s; tunnel 100 kbit/s gives 1000; loopback 1; ip ospf cost wins', () => {
    expect(interfaceCost('GigabitEthernet1')).toBe(1);
    expect(interfaceCost('FastEthernet0/0')).toBe(1);
    expect(interfaceCost('Ethernet0')).toBe(10);
    expect(interfaceCost('Tunnel0')).toBe(1000);
    expect(interfaceCost('Loopback0')).toBe(1);
    expect(interfaceCost('Tunnel0', 100, 50)).toBe(50);
  });

  it('router ID: router-id, else the highest up loopback, else the highest up address', () => {
    const proc = cfg.ospf[0]!;
    expect(formatIp(chooseRouterId(proc, cfg.interfaces, up)!)).toBe('1.1.1.1');
    const noLoop = new Map(up);
    noLoop.set('Loopback0', { name: 'Loopback0', up: false });
    expect(formatIp(chooseRouterId(proc, cfg.interfaces, noLoop)!)).toBe('172.16.0.1');
    expect(formatIp(chooseRouterId({ ...proc, routerId: '9.9.9.9' }, cfg.interfaces, up)!)).toBe('9.9.9.9');
  });
});

describe('passive-interface', () => {
  it('sends no hello on a passive interface but still advertises its network', () => {
    const net = new FakeOspfNetwork(
      [
        {
          name: 'R1',
          interfaces: [
            { name: 'GigabitEthernet1', address: '192.168.12.1', mask: '255.255.255.0' },
            { name: 'GigabitEthernet2', address: '10.1.1.1', mask: '255.255.255.0' },
          ],
          networks: [['0.0.0.0', '255.255.255.255', '0']],
          passive: ['GigabitEthernet2'],
        },
        { name: 'R2', interfaces: [{ name: 'GigabitEthernet1', address: '192.168.12.2', mask: '255.255.255.0' }], networks: [['0.0.0.0', '255.255.255.255', '0']] },
      ],
      [['R1 GigabitEthernet1', 'R2 GigabitEthernet1'], ['R1 GigabitEthernet2']],
    );
    net.start();
    net.runFor(60 * SECOND);
    expect(net.sent('R1').filter((p) => p.interface === 'GigabitEthernet2')).toEqual([]);
    expect(net.engine('R2').routes().map((r) => `${formatIp(r.network)}/${r.prefixLength} ${r.metric}`)).toEqual(['10.1.1.0/24 2']);
    expect(net.engine('R1').protocolInfo(net.scheduler.now).passiveInterfaces).toEqual(['GigabitEthernet2']);
  });
});
