import type { BuiltinLab } from './types';
import { hubLab } from './hub-site';
import { editDevice } from './two-sites';

const lab = hubLab({
  ospf: false,
  title: 'A hub with a VTI spoke and a crypto-map spoke',
  notes:
    'Can one router carry a VTI to one peer and a crypto map to another? HUB reaches S1 over Tunnel1 (an IPsec VTI) ' +
    'and S2 through `crypto map CMAP` on GigabitEthernet1, matched by access-list 101.\n\n' +
    'What to try: ping H1 and H2 from H0. On HUB, `show crypto session` lists both peers; `show crypto map` shows the ' +
    'map and the tunnel\'s own dynamic map entry side by side. Ping something access-list 101 does not match and watch it leave in clear.',
});

export const HUB_VTI_AND_MAP: BuiltinLab = {
  id: 'hub-vti-and-crypto-map',
  question: 'Can a hub carry a VTI to one spoke and a crypto map to another?',
  lab,
  goal: {
    summary: 'H0 reaches H1 over the VTI and H2 over the crypto map, both encrypted.',
    checks: [
      { description: 'H0 reaches H1 over the VTI (10.1.1.10)', device: 'H0', command: 'ping 10.1.1.10', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: "Check HUB's Tunnel1 and S1's Tunnel0." },
      { description: 'H0 reaches H2 over the crypto map (10.2.2.10)', device: 'H0', command: 'ping 10.2.2.10', pattern: 'Success rate is 100 percent', warmup: true, whereToLook: 'The first packet triggers IKE and is lost; if every packet fails, compare the two access-lists 101: they must mirror each other.' },
      { description: 'HUB has IPsec SAs with both spokes', device: 'HUB', command: 'show crypto isakmp sa', pattern: '203\\.0\\.113\\.5[\\s\\S]*QM_IDLE[\\s\\S]*203\\.0\\.113\\.9|203\\.0\\.113\\.9[\\s\\S]*QM_IDLE[\\s\\S]*203\\.0\\.113\\.5', whereToLook: 'One of the two IKE exchanges did not finish.' },
    ],
  },
  hints: [],
  // S2's access-list no longer mirrors HUB's: quick mode fails on the proxy identities.
  variants: { broken: editDevice(lab, 'S2', (c) => c.replace('access-list 101 permit ip 10.2.2.0 0.0.0.255 10.0.0.0 0.0.0.255', 'access-list 101 permit ip 10.2.2.0 0.0.0.255 10.9.9.0 0.0.0.255')) },
};
