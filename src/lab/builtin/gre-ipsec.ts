import type { BuiltinLab } from './types';
import { editDevice, twoSiteLab } from './two-sites';

const ping = { description: 'H1 reaches H2 (10.2.2.10)', device: 'H1', command: 'ping 10.2.2.10', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: 'Follow the ping in the event list and find the hop where it is dropped.' };

function greLab(mode: 'transport' | 'tunnel'): BuiltinLab {
  const other = mode === 'transport' ? 'tunnel' : 'transport';
  const lab = twoSiteLab({
    title: `GRE over IPsec, transform set in ${mode} mode`,
    notes:
      `Tunnel0 is a plain GRE tunnel (\`tunnel mode gre ip\`, the default, so it is not written) protected by ` +
      `\`tunnel protection ipsec profile PROF\`. The transform set says \`mode ${mode}\`.\n\n` +
      `What to try: ping H2 from H1 with \`ping 10.2.2.10 size 1400\`, open the packet on the R1 - R2 link and count its bytes. ` +
      (mode === 'transport'
        ? 'ESP sits right after the GRE delivery header (next header 47): 1400 bytes become 1464 on the wire.'
        : 'A second outer IPv4 header is added, then ESP, then the whole GRE packet (next header 4): 1400 bytes become 1496.') +
      ` Then open the "${other} mode" lab and compare the two packets in the compare view.`,
    tunnelMode: 'gre',
    protection: true,
    transformMode: mode,
  });
  const label = mode === 'transport' ? 'Transport' : 'Tunnel';
  return {
    id: `gre-ipsec-${mode}`,
    question: 'How does an IPsec VTI differ from GRE over IPsec, in tunnel or transport mode?',
    lab,
    goal: {
      summary: `H1 reaches H2 through GRE protected by IPsec in ${mode} mode.`,
      checks: [
        ping,
        { description: `the SA is in ${mode} mode`, device: 'R1', command: 'show crypto ipsec sa', pattern: `in use settings =\\{${label}`, whereToLook: `Check the transform set's mode on both routers: they must agree.` },
      ],
    },
    hints: [],
    variants: { broken: editDevice(lab, 'R2', (c) => c.replace('esp-aes esp-sha-hmac', 'esp-3des esp-md5-hmac')) },
  };
}

export const GRE_IPSEC_TRANSPORT = greLab('transport');
export const GRE_IPSEC_TUNNEL = greLab('tunnel');
