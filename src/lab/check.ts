// The checks a schema cannot express: names are hostnames, every link end names a real, free,
// linkable interface, and configs agree with the device they belong to. Each problem says where.
import { declaredInterfaces, hostnameLine } from './config-text';
import { hostnameProblem, isInterfaceName, isLinkableInterface, printable, splitEndpoint } from './names';
import type { Lab, LabProblem } from './types';

export function checkLab(lab: Lab): LabProblem[] {
  const problems: LabProblem[] = [];
  const declared = new Map<string, Set<string>>();

  lab.devices.forEach((device, i) => {
    const label = deviceLabel(device.name, i);
    const nameProblem = hostnameProblem(device.name);
    if (nameProblem) problems.push({ where: `${label} (field name)`, message: nameProblem });
    if (declared.has(device.name)) {
      problems.push({ where: `${label} (field name)`, message: `two devices are named ${printable(device.name)}` });
    }
    const host = hostnameLine(device.config);
    if (host && host.name !== device.name) {
      problems.push({
        where: `${label}, config line ${host.line}`,
        message: `the config says "hostname ${printable(host.name)}" but the device is named ${printable(device.name)}`,
      });
    }
    const ifaces = new Set<string>();
    for (const { name, line } of declaredInterfaces(device.config)) {
      if (!isInterfaceName(name)) {
        problems.push({
          where: `${label}, config line ${line}`,
          message: `"${printable(name)}" is not an interface this lab knows (GigabitEthernetN, EthernetN, LoopbackN, TunnelN)`,
        });
      }
      ifaces.add(name);
    }
    declared.set(device.name, ifaces);
  });

  const used = new Map<string, number>();
  lab.links.forEach((link, i) => {
    const ends: (['a' | 'b', string])[] = [['a', link.a], ['b', link.b]];
    for (const [field, end] of ends) {
      const where = `link ${i + 1} (field ${field})`;
      const parts = splitEndpoint(end);
      if (!parts) {
        problems.push({ where, message: `"${printable(end)}" should be "DEVICE INTERFACE", e.g. "R1 GigabitEthernet1"` });
        continue;
      }
      const ifaces = declared.get(parts.device);
      if (!ifaces) {
        problems.push({ where, message: `there is no device named ${printable(parts.device)}` });
        continue;
      }
      if (!ifaces.has(parts.iface)) {
        problems.push({ where, message: `${printable(parts.device)} has no interface ${printable(parts.iface)} in its config` });
        continue;
      }
      if (!isLinkableInterface(parts.iface)) {
        problems.push({ where, message: `${printable(parts.iface)} is a virtual interface; only Ethernet interfaces take a cable` });
        continue;
      }
      const previous = used.get(end);
      if (previous !== undefined) {
        problems.push({ where, message: `${printable(end)} is already used by link ${previous + 1}` });
        continue;
      }
      used.set(end, i);
    }
    if (link.a === link.b) problems.push({ where: `link ${i + 1}`, message: 'a link cannot join an interface to itself' });
  });
  return problems;
}

export function deviceLabel(name: unknown, index: number): string {
  return typeof name === 'string' && name.length > 0 ? `device ${printable(name)}` : `device ${index + 1}`;
}
