import type { BuiltinLab } from './types';
import { twoSiteLab } from './two-sites';

const common = {
  title: 'Challenge: the routers ping, the hosts cannot',
  notes:
    'R1 and R2 ping each other across the VTI (try `ping 172.16.0.2` on R1), but H1 cannot ping H2.\n\n' +
    'What to look for: follow the ping from H1 in the event list. Does the echo reach H2? Does the reply come back?',
  tunnelMode: 'ipsec' as const,
  protection: true,
  transformMode: 'tunnel' as const,
};

export const HOSTS_CANNOT_PING: BuiltinLab = {
  id: 'hosts-cannot-ping',
  question: 'Why can the routers ping each other while the hosts cannot?',
  challenge: true,
  lab: twoSiteLab({ ...common, omitReturnRoute: true }),
  goal: {
    summary: 'H1 reaches H2 across the VTI.',
    checks: [
      { description: 'R1 reaches R2 across the tunnel (172.16.0.2)', device: 'R1', command: 'ping 172.16.0.2', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: 'The tunnel itself is down: check Tunnel0 on both routers.' },
      { description: 'H1 reaches H2 (10.2.2.10)', device: 'H1', command: 'ping 10.2.2.10', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: 'Follow one echo: find where the request or the reply is dropped.' },
    ],
  },
  hints: [
    'A ping needs two paths: the echo from H1 to H2 and the reply from H2 back to H1.',
    "Look at R2's routing table (`show ip route`). How does R2 reach 10.1.1.0/24?",
    'On R2: `ip route 10.1.1.0 255.255.255.0 Tunnel0`.',
  ],
  variants: { solved: twoSiteLab(common) },
};
