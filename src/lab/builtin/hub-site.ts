// A hub with two spokes behind an ISP router: S1 over an IPsec VTI, S2 over a crypto map.
// With `ospf`, the hub runs OSPF towards both: it forms over the VTI, never across the crypto map.
import type { Lab } from '../types';
import { ethernet, hostConfig, ipsecProfile, sections, transformSet, tunnelInterface } from './parts';

const policy = `crypto isakmp policy 10
 encr aes
 hash sha
 authentication pre-share
 group 14
`;

export interface HubOptions {
  title: string;
  notes: string;
  ospf: boolean;
}

function hub(o: HubOptions): string {
  return sections(
    'hostname HUB\n',
    `${policy}crypto isakmp key cisco123 address 203.0.113.5\ncrypto isakmp key cisco123 address 203.0.113.9\n`,
    transformSet('tunnel'),
    ipsecProfile(),
    'crypto map CMAP 10 ipsec-isakmp\n set peer 203.0.113.9\n set transform-set TSET\n match address 101\n',
    tunnelInterface({ number: 1, address: '172.16.0.1', destination: '203.0.113.5', mode: 'ipsec', protection: true }),
    ethernet('GigabitEthernet1', '203.0.113.1', '255.255.255.252', ' crypto map CMAP\n'),
    ethernet('GigabitEthernet2', '10.0.0.1'),
    o.ospf
      ? 'router ospf 1\n router-id 1.1.1.1\n passive-interface GigabitEthernet2\n network 10.0.0.0 0.0.0.255 area 0\n network 172.16.0.0 0.0.0.3 area 0\n network 203.0.113.0 0.0.0.3 area 0\n'
      : '',
    `ip route 0.0.0.0 0.0.0.0 203.0.113.2\n${o.ospf ? '' : 'ip route 10.1.1.0 255.255.255.0 Tunnel1\n'}`,
    'access-list 101 permit ip 10.0.0.0 0.0.0.255 10.2.2.0 0.0.0.255\n',
  );
}

function spokeVti(o: HubOptions): string {
  return sections(
    'hostname S1\n',
    `${policy}crypto isakmp key cisco123 address 203.0.113.1\n`,
    transformSet('tunnel'),
    ipsecProfile(),
    tunnelInterface({ address: '172.16.0.2', destination: '203.0.113.1', mode: 'ipsec', protection: true }),
    ethernet('GigabitEthernet1', '203.0.113.5', '255.255.255.252'),
    ethernet('GigabitEthernet2', '10.1.1.1'),
    o.ospf ? 'router ospf 1\n router-id 2.2.2.2\n passive-interface GigabitEthernet2\n network 10.1.1.0 0.0.0.255 area 0\n network 172.16.0.0 0.0.0.3 area 0\n' : '',
    // The host route keeps the tunnel's own destination off the tunnel once OSPF learns the hub's WAN through it.
    `ip route 0.0.0.0 0.0.0.0 203.0.113.6\n${o.ospf ? 'ip route 203.0.113.0 255.255.255.252 203.0.113.6\n' : 'ip route 10.0.0.0 255.255.255.0 Tunnel0\n'}`,
  );
}

function spokeMap(o: HubOptions): string {
  return sections(
    'hostname S2\n',
    `${policy}crypto isakmp key cisco123 address 203.0.113.1\n`,
    transformSet('tunnel'),
    'crypto map CMAP 10 ipsec-isakmp\n set peer 203.0.113.1\n set transform-set TSET\n match address 101\n',
    ethernet('GigabitEthernet1', '203.0.113.9', '255.255.255.252', ' crypto map CMAP\n'),
    ethernet('GigabitEthernet2', '10.2.2.1'),
    o.ospf ? 'router ospf 1\n router-id 3.3.3.3\n passive-interface GigabitEthernet2\n network 10.2.2.0 0.0.0.255 area 0\n network 203.0.113.8 0.0.0.3 area 0\n' : '',
    'ip route 0.0.0.0 0.0.0.0 203.0.113.10\n',
    'access-list 101 permit ip 10.2.2.0 0.0.0.255 10.0.0.0 0.0.0.255\n',
  );
}

const isp = sections(
  'hostname ISP\n',
  ethernet('GigabitEthernet1', '203.0.113.2', '255.255.255.252', ' description to HUB\n'),
  ethernet('GigabitEthernet2', '203.0.113.6', '255.255.255.252', ' description to S1\n'),
  ethernet('GigabitEthernet3', '203.0.113.10', '255.255.255.252', ' description to S2\n'),
);

export function hubLab(o: HubOptions): Lab {
  return {
    format: 'tunnelscope-lab',
    version: 1,
    title: o.title,
    notes: o.notes,
    seed: 1,
    devices: [
      { name: 'H0', kind: 'host', x: 0, y: 300, config: hostConfig('H0', '10.0.0.10', '10.0.0.1') },
      { name: 'HUB', kind: 'router', x: 220, y: 300, config: hub(o) },
      { name: 'ISP', kind: 'router', x: 460, y: 300, config: isp },
      { name: 'S1', kind: 'router', x: 700, y: 150, config: spokeVti(o) },
      { name: 'H1', kind: 'host', x: 940, y: 150, config: hostConfig('H1', '10.1.1.10', '10.1.1.1') },
      { name: 'S2', kind: 'router', x: 700, y: 450, config: spokeMap(o) },
      { name: 'H2', kind: 'host', x: 940, y: 450, config: hostConfig('H2', '10.2.2.10', '10.2.2.1') },
    ],
    links: [
      { a: 'H0 Ethernet0', b: 'HUB GigabitEthernet2' },
      { a: 'HUB GigabitEthernet1', b: 'ISP GigabitEthernet1' },
      { a: 'ISP GigabitEthernet2', b: 'S1 GigabitEthernet1' },
      { a: 'ISP GigabitEthernet3', b: 'S2 GigabitEthernet1' },
      { a: 'S1 GigabitEthernet2', b: 'H1 Ethernet0' },
      { a: 'S2 GigabitEthernet2', b: 'H2 Ethernet0' },
    ],
  };
}
