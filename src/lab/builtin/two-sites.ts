// The two-site topology most built-in labs share: H1 - R1 - R2 - H2, R1 and R2 joined by Tunnel0.
import type { Lab } from '../types';
import { ethernet, hostConfig, ipsecProfile, isakmpPolicy, sections, transformSet, tunnelInterface } from './parts';

export interface TwoSiteOptions {
  title: string;
  notes: string;
  tunnelMode: 'ipsec' | 'gre';
  protection: boolean;
  transformMode: 'tunnel' | 'transport';
  /** Leave out R2's route back to H1's LAN (the "hosts cannot ping" fault). */
  omitReturnRoute?: boolean;
}

function router(name: 'R1' | 'R2', o: TwoSiteOptions): string {
  const me = name === 'R1' ? { wan: '203.0.113.1', tun: '172.16.0.1', lan: '10.1.1.1' } : { wan: '203.0.113.2', tun: '172.16.0.2', lan: '10.2.2.1' };
  const peer = name === 'R1' ? { wan: '203.0.113.2', lan: '10.2.2.0' } : { wan: '203.0.113.1', lan: '10.1.1.0' };
  const crypto = o.protection ? sections(isakmpPolicy(peer.wan), transformSet(o.transformMode), ipsecProfile()) : '';
  const route = name === 'R2' && o.omitReturnRoute ? '' : `ip route ${peer.lan} 255.255.255.0 Tunnel0\n`;
  return sections(
    `hostname ${name}\n`,
    crypto,
    tunnelInterface({ address: me.tun, destination: peer.wan, mode: o.tunnelMode, protection: o.protection }),
    ethernet('GigabitEthernet1', me.wan, '255.255.255.252'),
    ethernet('GigabitEthernet2', me.lan),
    route,
  );
}

export function twoSiteLab(o: TwoSiteOptions): Lab {
  return {
    format: 'tunnelscope-lab',
    version: 1,
    title: o.title,
    notes: o.notes,
    seed: 1,
    devices: [
      { name: 'H1', kind: 'host', x: 0, y: 200, config: hostConfig('H1', '10.1.1.10', '10.1.1.1') },
      { name: 'R1', kind: 'router', x: 260, y: 200, config: router('R1', o) },
      { name: 'R2', kind: 'router', x: 560, y: 200, config: router('R2', o) },
      { name: 'H2', kind: 'host', x: 820, y: 200, config: hostConfig('H2', '10.2.2.10', '10.2.2.1') },
    ],
    links: [
      { a: 'H1 Ethernet0', b: 'R1 GigabitEthernet2' },
      { a: 'R1 GigabitEthernet1', b: 'R2 GigabitEthernet1' },
      { a: 'R2 GigabitEthernet2', b: 'H2 Ethernet0' },
    ],
  };
}

/** Replaces one device's config through a text edit, for a lab's other variant. */
export function editDevice(lab: Lab, name: string, edit: (config: string) => string): Lab {
  return { ...lab, devices: lab.devices.map((d) => (d.name === name ? { ...d, config: edit(d.config) } : d)) };
}
