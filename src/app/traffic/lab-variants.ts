// The default lab with its VTI turned into plain GRE (`tunnel mode gre ip`, no protection): a
// lab whose pings cross R1 - R2 with nothing but the core engine. Tests and the e2e use it.
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import type { LabV1 } from '../../lab/types';

export function plainGreDefaultLab(): LabV1 {
  return {
    ...DEFAULT_LAB,
    title: 'Plain GRE between two sites',
    devices: DEFAULT_LAB.devices.map((d) => ({
      ...d,
      config: d.config.replace('tunnel mode ipsec ipv4', 'tunnel mode gre ip').replace(/ tunnel protection ipsec profile \S+\n/, ''),
    })),
  };
}
