// The lab a newcomer sees first: two sites joined by an IPsec static VTI, the topology of the
// forum thread's first question. Pinging H2 from H1 crosses the tunnel, so the first packet a
// learner opens already shows ESP.
import type { Lab } from '../types';

const host = (name: string, address: string, gateway: string) =>
  `hostname ${name}
no ip routing
!
interface Ethernet0
 ip address ${address} 255.255.255.0
!
ip default-gateway ${gateway}
`;

const router = (name: string, me: { wan: string; tunnel: string; lan: string }, peer: { wan: string; lan: string }) =>
  `hostname ${name}
!
crypto isakmp policy 10
 encr aes
 hash sha
 authentication pre-share
 group 14
crypto isakmp key cisco123 address ${peer.wan}
!
crypto ipsec transform-set TSET esp-aes esp-sha-hmac
 mode tunnel
!
crypto ipsec profile PROF
 set transform-set TSET
!
interface Tunnel0
 description IPsec VTI to the other site
 ip address ${me.tunnel} 255.255.255.252
 tunnel source GigabitEthernet1
 tunnel mode ipsec ipv4
 tunnel destination ${peer.wan}
 tunnel protection ipsec profile PROF
!
interface GigabitEthernet1
 description WAN
 ip address ${me.wan} 255.255.255.252
!
interface GigabitEthernet2
 description LAN
 ip address ${me.lan} 255.255.255.0
!
ip route ${peer.lan} 255.255.255.0 Tunnel0
`;

export const DEFAULT_LAB: Lab = {
  format: 'tunnelscope-lab',
  version: 1,
  title: 'IPsec static VTI between two sites',
  notes:
    'R1 and R2 protect everything routed into Tunnel0 with IPsec: `tunnel mode ipsec ipv4` makes the ' +
    'tunnel a VTI, and `tunnel protection ipsec profile PROF` gives it its keys.\n\n' +
    'What to try: ping H2 (10.2.2.10) from H1, then open the packet on the R1 - R2 link. ' +
    'Outside it is ESP (IP protocol 50); decrypt it to see the original ICMP inside.',
  seed: 1,
  devices: [
    { name: 'H1', kind: 'host', x: 0, y: 200, config: host('H1', '10.1.1.10', '10.1.1.1') },
    {
      name: 'R1',
      kind: 'router',
      x: 260,
      y: 200,
      config: router('R1', { wan: '203.0.113.1', tunnel: '172.16.0.1', lan: '10.1.1.1' }, { wan: '203.0.113.2', lan: '10.2.2.0' }),
    },
    {
      name: 'R2',
      kind: 'router',
      x: 560,
      y: 200,
      config: router('R2', { wan: '203.0.113.2', tunnel: '172.16.0.2', lan: '10.2.2.1' }, { wan: '203.0.113.1', lan: '10.1.1.0' }),
    },
    { name: 'H2', kind: 'host', x: 820, y: 200, config: host('H2', '10.2.2.10', '10.2.2.1') },
  ],
  links: [
    { a: 'H1 Ethernet0', b: 'R1 GigabitEthernet2' },
    { a: 'R1 GigabitEthernet1', b: 'R2 GigabitEthernet1' },
    { a: 'R2 GigabitEthernet2', b: 'H2 Ethernet0' },
  ],
};
