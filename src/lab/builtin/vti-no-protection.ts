import type { BuiltinLab } from './types';
import { twoSiteLab } from './two-sites';

const common = {
  title: 'Challenge: a VTI without protection',
  notes:
    'Both routers say `tunnel mode ipsec ipv4`, but H1 cannot reach H2.\n\n' +
    'What to look for: `show interfaces Tunnel0` and `show ip interface brief` on R1. A VTI has no ' +
    'encapsulation of its own until IPsec gives it one: its line protocol stays down. Then compare with ' +
    'the "static VTI" lab.',
  tunnelMode: 'ipsec' as const,
  transformMode: 'tunnel' as const,
};

export const VTI_NO_PROTECTION: BuiltinLab = {
  id: 'vti-no-protection',
  question: 'Why does an IPsec tunnel need both `tunnel mode ipsec ipv4` and `tunnel protection`?',
  challenge: true,
  lab: twoSiteLab({ ...common, protection: false }),
  goal: {
    summary: 'Tunnel0 comes up and H1 reaches H2 through it, encrypted.',
    checks: [
      { description: "R1's Tunnel0 line protocol is up", device: 'R1', command: 'show interfaces Tunnel0', pattern: 'line protocol is up', whereToLook: 'A VTI stays down until its IPsec SAs are up.' },
      { description: 'H1 reaches H2 (10.2.2.10)', device: 'H1', command: 'ping 10.2.2.10', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: 'Which hop drops the ping, and why?' },
    ],
  },
  hints: [
    'Run `show ip interface brief` on R1. Which interface is up/down, and what does "down" in the Protocol column mean?',
    '`tunnel mode ipsec ipv4` only chooses the encapsulation. The keys, the transform set and the SAs come from an IPsec profile.',
    'On both routers: configure an isakmp policy and key, a transform set, `crypto ipsec profile PROF`, then `tunnel protection ipsec profile PROF` under Tunnel0.',
  ],
  variants: { solved: twoSiteLab({ ...common, protection: true }) },
};
