import type { BuiltinLab } from './types';
import { hubLab } from './hub-site';
import { editDevice } from './two-sites';

const lab = hubLab({
  ospf: true,
  title: 'OSPF over a VTI, and across a crypto map',
  notes:
    'HUB runs OSPF towards S1 over an IPsec VTI and towards S2 across a crypto map. Only one adjacency forms.\n\n' +
    'What to look for: `show ip ospf neighbor` on HUB, then follow an OSPF hello in the event list. Into Tunnel1 the hello ' +
    'to 224.0.0.5 is routed like any packet and so encrypted. Out of GigabitEthernet1 it is multicast with TTL 1: the ' +
    'crypto map protects only unicast traffic that access-list 101 permits, so the hello leaves in clear and the ISP router ' +
    'never passes it on. S2\'s LAN stays reachable through a static route and the crypto map.',
});

export const OSPF_VTI_VS_MAP: BuiltinLab = {
  id: 'ospf-vti-vs-crypto-map',
  question: 'Why does OSPF form over a VTI but not across a crypto map?',
  lab,
  goal: {
    summary: 'OSPF is FULL with S1 over the VTI and learns its LAN; there is no adjacency with S2 across the crypto map.',
    checks: [
      { description: 'HUB is FULL with S1 on Tunnel1', device: 'HUB', command: 'show ip ospf neighbor', pattern: '^2\\.2\\.2\\.2\\s.*FULL.*Tunnel1', whereToLook: "Are both tunnel ends in an OSPF network statement, with matching hello timers?" },
      { description: "HUB learns S1's LAN as an OSPF route", device: 'HUB', command: 'show ip route', pattern: '^O\\s+10\\.1\\.1\\.0/24', whereToLook: 'An adjacency that is FULL exchanges LSAs: check S1 advertises its LAN.' },
      { description: 'no adjacency forms with S2 across the crypto map', device: 'HUB', command: 'show ip ospf neighbor', pattern: '3\\.3\\.3\\.3', expect: 'absent', whereToLook: 'This part of the goal is the lesson: a crypto map never carries multicast.' },
    ],
  },
  hints: [],
  variants: { broken: editDevice(lab, 'S1', (c) => c.replace(' network 172.16.0.0 0.0.0.3 area 0\n', '')) },
};
