// What a freshly placed device looks like: the next free name of its kind and a config with
// unaddressed, enabled interfaces, ready to be given addresses in the console or the forms.
import type { DeviceKind, Lab } from './types';

const PREFIX: Record<DeviceKind, string> = { router: 'R', host: 'H', nat: 'NAT' };

export function nextDeviceName(lab: Lab, kind: DeviceKind): string {
  const taken = new Set(lab.devices.map((d) => d.name));
  for (let n = 1; ; n++) {
    const name = `${PREFIX[kind]}${n}`;
    if (!taken.has(name)) return name;
  }
}

export function defaultConfig(kind: DeviceKind, name: string): string {
  const section = (iface: string) => `!\ninterface ${iface}\n no ip address\n`;
  if (kind === 'host') return `hostname ${name}\nno ip routing\n${section('Ethernet0')}`;
  if (kind === 'nat') {
    return `hostname ${name}\n${['GigabitEthernet0/0', 'GigabitEthernet0/1', 'GigabitEthernet0/2'].map(section).join('')}`;
  }
  return `hostname ${name}\n${['GigabitEthernet1', 'GigabitEthernet2', 'GigabitEthernet3', 'GigabitEthernet4'].map(section).join('')}`;
}
