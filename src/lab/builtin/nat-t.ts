import type { Lab } from '../types';
import type { BuiltinLab } from './types';
import { natLine, routerBehindNat, routerFacingNat } from './nat-sites';
import { ethernet, sections } from './parts';
import { editDevice } from './two-sites';

const r1 = routerBehindNat('private address, mapped to 198.51.100.10 by NAT1');

const nat1 = sections(
  'hostname NAT1\n',
  ethernet('GigabitEthernet0/0', '10.0.0.1', '255.255.255.0', ' ip nat inside\n'),
  ethernet('GigabitEthernet0/1', '198.51.100.1', '255.255.255.0', ' ip nat outside\n'),
  'ip nat inside source static 10.0.0.10 198.51.100.10\n',
);

const r2 = routerFacingNat('198.51.100.10');

const lab: Lab = {
  format: 'tunnelscope-lab',
  version: 1,
  title: 'IPsec VTI behind a cloud-style static NAT (NAT-T)',
  notes:
    "R1 has a private address, 10.0.0.10, which NAT1 maps one-to-one to 198.51.100.10, as a cloud provider's elastic IP does. " +
    'R2 only ever sees 198.51.100.10.\n\n' +
    'What to try: ping H2 from H1, then open the IKE packets on both sides of NAT1. In messages 3 and 4 the NAT-D hashes ' +
    'disagree, so from message 5 on IKE moves from UDP 500 to UDP 4500, and ESP travels inside UDP 4500 too. ' +
    'On R1, `show crypto ipsec sa` says `Tunnel UDP-Encaps` and the plaintext MTU drops from 1438 to 1422: the 8-byte UDP header.',
  seed: 1,
  ...natLine({ r1, nat1, r2 }, { inside: 'GigabitEthernet0/0', outside: 'GigabitEthernet0/1' }),
};

export const NAT_T_STATIC: BuiltinLab = {
  id: 'nat-t-static',
  question: 'What changes when a NAT sits in the path (NAT-T, UDP 4500)?',
  lab,
  goal: {
    summary: 'H1 reaches H2 with ESP carried in UDP 4500 through the NAT.',
    checks: [
      { description: 'H1 reaches H2 (10.2.2.10)', device: 'H1', command: 'ping 10.2.2.10', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: 'Follow the IKE exchange through NAT1: which message gets no answer?' },
      { description: 'the SA is UDP-encapsulated', device: 'R1', command: 'show crypto ipsec sa', pattern: 'Tunnel UDP-Encaps', whereToLook: 'IKE moves to NAT-T only when the NAT-D payloads show a NAT.' },
    ],
  },
  hints: [],
  // R2 keyed for R1's private address: the classic NAT mistake. R2 sees 198.51.100.10 and has no key for it.
  variants: { broken: editDevice(lab, 'R2', (c) => c.replace('crypto isakmp key cisco123 address 198.51.100.10', 'crypto isakmp key cisco123 address 10.0.0.10')) },
};
