// NAT-T through a PAT router: the home-router case of the NAT question. NAT1 hides R1 behind its
// own outside address with `overload`, so only port-carrying traffic gets through. The broken
// variant turns NAT-T off on R1: IKE (UDP 500) still passes, raw ESP (protocol 50, no ports) does not.
import type { Lab } from '../types';
import type { BuiltinLab } from './types';
import { natLine, routerBehindNat, routerFacingNat } from './nat-sites';
import { ethernet, sections } from './parts';
import { editDevice } from './two-sites';

const r1 = routerBehindNat('private address, hidden behind NAT1 by PAT');

const nat1 = sections(
  'hostname NAT1\n',
  ethernet('GigabitEthernet1', '10.0.0.1', '255.255.255.0', ' ip nat inside\n'),
  ethernet('GigabitEthernet2', '198.51.100.1', '255.255.255.0', ' ip nat outside\n'),
  'access-list 1 permit 10.0.0.0 0.0.0.255\nip nat inside source list 1 interface GigabitEthernet2 overload\n',
);

const r2 = routerFacingNat('198.51.100.1');

const lab: Lab = {
  format: 'tunnelscope-lab',
  version: 1,
  title: 'IPsec VTI behind a PAT router (NAT-T, UDP 4500)',
  notes:
    'R1 has a private address, 10.0.0.10. NAT1 is a home-style PAT router: `ip nat inside source list 1 interface ' +
    'GigabitEthernet2 overload` shares its one outside address, 198.51.100.1, by rewriting ports. R2 only ever sees ' +
    "198.51.100.1. PAT has no static mapping, so the inside router opens the way: R2's IKE to 198.51.100.1 gets " +
    "in only through the translation R1's own IKE created.\n\n" +
    'What to try: ping 10.2.2.10 from H1 twice. The NAT-D hashes in IKE messages 3 and 4 show the NAT, so from ' +
    'message 5 on IKE moves from UDP 500 to UDP 4500. Open an encrypted echo in the inspector: ESP inside UDP 4500.\n\n' +
    'What to look at: on R1, `show crypto ipsec sa` says `in use settings ={Tunnel UDP-Encaps, }` and plaintext mtu ' +
    '1422. On NAT1, `show ip nat translations` has a udp row for 500 and one for 4500: ports are what PAT translates.\n\n' +
    'Then break it: on R1, `no crypto ipsec nat-transparency udp-encapsulation`, `clear crypto session`, ping again ' +
    '(or open the broken variant). IKE still completes on UDP 500, but ESP has no ports, and NAT1 drops it: read ' +
    "the drop at NAT1 in the event list, and R1's encaps rising while decaps stay at 0.",
  seed: 1,
  ...natLine({ r1, nat1, r2 }, { inside: 'GigabitEthernet1', outside: 'GigabitEthernet2' }),
};

export const NAT_T_PAT: BuiltinLab = {
  id: 'nat-t-pat',
  question: 'What changes when a NAT sits in the path (NAT-T, UDP 4500)? Here the NAT is PAT, which drops ESP unless NAT-T wraps it in UDP.',
  lab,
  goal: {
    summary: 'H1 reaches H2 through the PAT router, with IKE and ESP carried in UDP 4500.',
    checks: [
      {
        description: 'H1 reaches H2 (10.2.2.10)',
        device: 'H1',
        command: 'ping 10.2.2.10',
        pattern: 'Success rate is 100 percent',
        warmup: true,
        whereToLook:
          "Follow one echo in the event list: does R1's ESP get past NAT1? On R1, `show crypto ipsec sa`: encaps rising with decaps at 0 means the replies never arrive.",
      },
      {
        description: 'the SA is UDP-encapsulated',
        device: 'R1',
        command: 'show crypto ipsec sa',
        pattern: 'Tunnel UDP-Encaps',
        whereToLook: 'IKE moves to NAT-T only when both peers allow it and the NAT-D payloads show a NAT: check R1 for `no crypto ipsec nat-transparency udp-encapsulation`.',
      },
      {
        description: 'NAT1 translates IKE on UDP 4500',
        device: 'NAT1',
        command: 'show ip nat translations',
        pattern: '^udp\\s+198\\.51\\.100\\.1:\\d+\\s+10\\.0\\.0\\.10:4500\\s',
        whereToLook: 'PAT translates ports; with no UDP 4500 row, ESP is not travelling in UDP.',
      },
    ],
  },
  hints: [],
  // NAT-T off on R1 only: R1 sends no NAT-D payloads, so neither peer moves to UDP 4500.
  variants: { broken: editDevice(lab, 'R1', (c) => c.replace('hostname R1\n', 'hostname R1\n!\nno crypto ipsec nat-transparency udp-encapsulation\n')) },
};
