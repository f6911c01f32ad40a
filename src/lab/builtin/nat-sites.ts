// The two routers of the NAT labs: R1 on a private address behind NAT1, R2 outside, with an
// IPsec VTI between them. Only NAT1 differs between the labs (static one-to-one or PAT), and with
// it the public address R2 knows R1 by.
import type { Lab } from '../types';
import { ethernet, hostConfig, ipsecProfile, isakmpPolicy, sections, transformSet, tunnelInterface } from './parts';

/** R1: private 10.0.0.10 on Gi1 (its `description` says how NAT1 hides it), default route to NAT1. */
export function routerBehindNat(description: string): string {
  return sections(
    'hostname R1\n',
    sections(isakmpPolicy('198.51.100.2'), transformSet('tunnel'), ipsecProfile()),
    tunnelInterface({ address: '172.16.0.1', destination: '198.51.100.2', mode: 'ipsec', protection: true }),
    ethernet('GigabitEthernet1', '10.0.0.10', '255.255.255.0', ` description ${description}\n`),
    ethernet('GigabitEthernet2', '10.1.1.1'),
    'ip route 0.0.0.0 0.0.0.0 10.0.0.1\nip route 10.2.2.0 255.255.255.0 Tunnel0\n',
  );
}

/** R2 knows R1 only by the public address NAT1 gives it: the key and the tunnel destination both name it. */
export function routerFacingNat(r1Public: string): string {
  return sections(
    'hostname R2\n',
    sections(isakmpPolicy(r1Public), transformSet('tunnel'), ipsecProfile()),
    tunnelInterface({ address: '172.16.0.2', destination: r1Public, mode: 'ipsec', protection: true }),
    ethernet('GigabitEthernet1', '198.51.100.2'),
    ethernet('GigabitEthernet2', '10.2.2.1'),
    'ip route 10.1.1.0 255.255.255.0 Tunnel0\n',
  );
}

/** H1 - R1 - NAT1 - R2 - H2 in a row, NAT1 cabled on its inside and outside interfaces. */
export function natLine(configs: { r1: string; nat1: string; r2: string }, nat: { inside: string; outside: string }): Pick<Lab, 'devices' | 'links'> {
  return {
    devices: [
      { name: 'H1', kind: 'host', x: 0, y: 200, config: hostConfig('H1', '10.1.1.10', '10.1.1.1') },
      { name: 'R1', kind: 'router', x: 220, y: 200, config: configs.r1 },
      { name: 'NAT1', kind: 'nat', x: 440, y: 200, config: configs.nat1 },
      { name: 'R2', kind: 'router', x: 660, y: 200, config: configs.r2 },
      { name: 'H2', kind: 'host', x: 880, y: 200, config: hostConfig('H2', '10.2.2.10', '10.2.2.1') },
    ],
    links: [
      { a: 'H1 Ethernet0', b: 'R1 GigabitEthernet2' },
      { a: 'R1 GigabitEthernet1', b: `NAT1 ${nat.inside}` },
      { a: `NAT1 ${nat.outside}`, b: 'R2 GigabitEthernet1' },
      { a: 'R2 GigabitEthernet2', b: 'H2 Ethernet0' },
    ],
  };
}
