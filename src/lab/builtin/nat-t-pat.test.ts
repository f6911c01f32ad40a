// The PAT lab's two states differ by exactly the NAT-T switch on R1, and both fit a share link
// that chat apps keep whole (the app warns past 2,000 characters).
import { describe, expect, it } from 'vitest';
import { labToFragment } from '../link';
import { NAT_T_PAT } from './nat-t-pat';

const configOf = (lab: typeof NAT_T_PAT.lab, name: string) => lab.devices.find((d) => d.name === name)!.config;

describe('nat-t-pat', () => {
  const broken = NAT_T_PAT.variants.broken!;

  it('NAT1 is a PAT router with no static mapping: only R1 can open the way', () => {
    const nat1 = configOf(NAT_T_PAT.lab, 'NAT1');
    expect(nat1).toContain('ip nat inside source list 1 interface GigabitEthernet2 overload\n');
    expect(nat1).not.toContain('source static');
  });

  it('the broken variant only turns NAT-T off on R1', () => {
    expect(configOf(broken, 'R1')).toContain('\nno crypto ipsec nat-transparency udp-encapsulation\n');
    expect(configOf(NAT_T_PAT.lab, 'R1')).not.toContain('nat-transparency');
    const others = (lab: typeof broken) => lab.devices.filter((d) => d.name !== 'R1');
    expect(others(broken)).toEqual(others(NAT_T_PAT.lab));
  });

  it('both states fit a share link under 2,000 characters', () => {
    for (const lab of [NAT_T_PAT.lab, broken]) expect(labToFragment(lab).length).toBeLessThan(2000);
  });
});
