import type { BuiltinLab } from './types';
import { DEFAULT_LAB } from './default-lab';

const breakKey = (config: string) => config.replace('crypto isakmp key cisco123', 'crypto isakmp key cisco124');

export const VTI_STATIC: BuiltinLab = {
  id: 'vti-static',
  question: 'Why does an IPsec tunnel need both `tunnel mode ipsec ipv4` and `tunnel protection`?',
  lab: DEFAULT_LAB,
  goal: {
    summary: 'H1 reaches H2 through an encrypted VTI.',
    checks: [
      { description: 'H1 reaches H2 (10.2.2.10)', device: 'H1', command: 'ping 10.2.2.10', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: 'Follow the ping in the event list and find the hop where it is dropped.' },
      { description: 'the IKE phase 1 SA is up', device: 'R1', command: 'show crypto isakmp sa', pattern: 'QM_IDLE', whereToLook: 'Phase 1 did not finish: compare the isakmp policies and pre-shared keys of R1 and R2.' },
      { description: 'R1 encrypts the traffic', device: 'R1', command: 'show crypto ipsec sa', pattern: '#pkts encaps: [1-9]', whereToLook: 'Is the traffic routed into Tunnel0, and is Tunnel0 protected?' },
    ],
  },
  hints: [],
  variants: { broken: { ...DEFAULT_LAB, devices: DEFAULT_LAB.devices.map((d) => (d.name === 'R2' ? { ...d, config: breakKey(d.config) } : d)) } },
};
