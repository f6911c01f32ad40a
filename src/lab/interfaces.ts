// Which interfaces a device has and which are free for a cable, read from its config and the links.
import { declaredInterfaces } from './config-text';
import { isLinkableInterface, splitEndpoint } from './names';
import type { DeviceKind, Lab } from './types';

export function interfacesOf(lab: Lab, deviceName: string): string[] {
  const device = lab.devices.find((d) => d.name === deviceName);
  return device ? declaredInterfaces(device.config).map((i) => i.name) : [];
}

export function usedInterfaces(lab: Lab, deviceName: string): Set<string> {
  const used = new Set<string>();
  for (const link of lab.links) {
    for (const end of [link.a, link.b]) {
      const p = splitEndpoint(end);
      if (p && p.device === deviceName) used.add(p.iface);
    }
  }
  return used;
}

export function freeInterfaces(lab: Lab, deviceName: string): string[] {
  const used = usedInterfaces(lab, deviceName);
  return interfacesOf(lab, deviceName).filter((i) => isLinkableInterface(i) && !used.has(i));
}

/** The interface a new cable adds when a device has no free one: one past the highest of its family. */
export function nextNewInterface(kind: DeviceKind, existing: string[]): string {
  const taken = new Set(existing);
  const family = kind === 'host' ? (n: number) => `Ethernet${n}` : kind === 'nat' ? (n: number) => `GigabitEthernet0/${n}` : (n: number) => `GigabitEthernet${n}`;
  for (let n = kind === 'router' ? 1 : 0; ; n++) {
    if (!taken.has(family(n))) return family(n);
  }
}
