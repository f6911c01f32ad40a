import { describe, expect, it } from 'vitest';
import { BUILTIN_LABS } from '../../lab/builtin';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import type { LabV1 } from '../../lab/types';
import { findTunnels } from './tunnels';

const withConfig = (lab: LabV1, name: string, edit: (config: string) => string): LabV1 => ({
  ...lab,
  devices: lab.devices.map((d) => (d.name === name ? { ...d, config: edit(d.config) } : d)),
});

describe('tunnels read from the configs', () => {
  it('finds the default lab VTI between R1 and R2, once', () => {
    expect(findTunnels(DEFAULT_LAB)).toEqual([
      { id: expect.any(String), a: 'R1', aIface: 'Tunnel0', b: 'R2', bIface: 'Tunnel0', kind: 'IPsec VTI' },
    ]);
  });

  it('names GRE and GRE over IPsec from the tunnel mode', () => {
    const gre = withConfig(withConfig(DEFAULT_LAB, 'R1', (c) => c.replace(' tunnel mode ipsec ipv4\n', '')), 'R2', (c) => c.replace(' tunnel mode ipsec ipv4\n', ''));
    expect(findTunnels(gre)[0]!.kind).toBe('GRE over IPsec');
    const plain = withConfig(gre, 'R1', (c) => c.replace(/ tunnel protection ipsec profile \S+\n/, ''));
    expect(findTunnels(plain).map((t) => t.kind)).toEqual(['GRE vs GRE over IPsec: modes differ']);
  });

  it('draws nothing when the destination is nobody in the lab', () => {
    const lonely = withConfig(withConfig(DEFAULT_LAB, 'R1', (c) => c.replace(/tunnel destination \S+/, 'tunnel destination 198.51.100.7')), 'R2', (c) =>
      c.replace(/tunnel destination \S+/, 'tunnel destination 198.51.100.8'),
    );
    expect(findTunnels(lonely)).toEqual([]);
  });

  it('pairs a router behind a PAT box with its peer, which knows it by the NAT address: one tunnel, not one to the NAT box', () => {
    const pat = BUILTIN_LABS.find((l) => l.id === 'nat-t-pat')!.lab;
    expect(findTunnels(pat)).toEqual([{ id: expect.any(String), a: 'R1', aIface: 'Tunnel0', b: 'R2', bIface: 'Tunnel0', kind: 'IPsec VTI' }]);
    // Nobody aims back: a tunnel to the NAT box is not drawn at all rather than guessed.
    const oneSided = withConfig(pat, 'R1', (c) => c.replace('tunnel destination 198.51.100.2', 'tunnel destination 198.51.100.99'));
    expect(findTunnels(oneSided)).toEqual([]);
  });

  it('pairs a router behind a static NAT with its peer, which knows it by the mapped address', () => {
    const staticNat = BUILTIN_LABS.find((l) => l.id === 'nat-t-static')!.lab;
    expect(findTunnels(staticNat)).toEqual([{ id: expect.any(String), a: 'R1', aIface: 'Tunnel0', b: 'R2', bIface: 'Tunnel0', kind: 'IPsec VTI' }]);
  });
});
