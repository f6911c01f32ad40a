// Every change to a lab document is an action: plain data, applied by one pure function, whether
// it comes from the canvas, a menu, a form or the console (Excalidraw's actions). Undo is then
// just the previous document, and a refused action explains itself instead of corrupting the lab.
import { checkLab } from './check';
import { withHostname, withInterface } from './config-text';
import { freeInterfaces, interfacesOf, nextNewInterface } from './interfaces';
import { endpoint, hostnameProblem, printable, splitEndpoint } from './names';
import { defaultConfig, nextDeviceName } from './new-device';
import type { DeviceKind, Lab } from './types';

export type LabAction =
  | { type: 'addDevice'; kind: DeviceKind; x: number; y: number; name?: string }
  | { type: 'moveDevice'; name: string; x: number; y: number }
  | { type: 'renameDevice'; from: string; to: string }
  | { type: 'deleteDevice'; name: string }
  /** Ends are "DEVICE INTERFACE", or just "DEVICE" to take its first free interface (adding one if none is free). */
  | { type: 'addLink'; a: string; b: string }
  | { type: 'deleteLink'; index: number }
  | { type: 'changeLinkEnd'; index: number; side: 'a' | 'b'; iface: string }
  | { type: 'setConfig'; name: string; config: string }
  | { type: 'setTitle'; title: string }
  | { type: 'setNotes'; notes: string }
  | { type: 'replaceLab'; lab: Lab };

export type ActionResult = { ok: true; lab: Lab } | { ok: false; message: string };

export function applyAction(lab: Lab, action: LabAction): ActionResult {
  const next = reduce(lab, action);
  if (typeof next === 'string') return { ok: false, message: next };
  const problems = checkLab(next);
  if (problems.length > 0) return { ok: false, message: `${problems[0]!.where}: ${problems[0]!.message}` };
  return { ok: true, lab: next };
}

/** Returns the new document, or a sentence saying why the action cannot apply. */
function reduce(lab: Lab, action: LabAction): Lab | string {
  switch (action.type) {
    case 'addDevice': {
      const name = action.name ?? nextDeviceName(lab, action.kind);
      const problem = hostnameProblem(name);
      if (problem) return problem;
      if (lab.devices.some((d) => d.name === name)) return `a device named ${name} already exists`;
      const device = { name, kind: action.kind, x: action.x, y: action.y, config: defaultConfig(action.kind, name) };
      return { ...lab, devices: [...lab.devices, device] };
    }
    case 'moveDevice':
      return withDevice(lab, action.name, (d) => ({ ...d, x: action.x, y: action.y }));
    case 'renameDevice': {
      if (action.from === action.to) return lab;
      const problem = hostnameProblem(action.to);
      if (problem) return problem;
      if (lab.devices.some((d) => d.name === action.to)) return `a device named ${action.to} already exists`;
      const renamed = withDevice(lab, action.from, (d) => ({ ...d, name: action.to, config: withHostname(d.config, action.to) }));
      if (typeof renamed === 'string') return renamed;
      const rename = (end: string) => {
        const p = splitEndpoint(end);
        return p && p.device === action.from ? endpoint(action.to, p.iface) : end;
      };
      return { ...renamed, links: renamed.links.map((l) => ({ a: rename(l.a), b: rename(l.b) })) };
    }
    case 'deleteDevice': {
      if (!lab.devices.some((d) => d.name === action.name)) return `there is no device named ${printable(action.name)}`;
      const touches = (end: string) => splitEndpoint(end)?.device === action.name;
      return {
        ...lab,
        devices: lab.devices.filter((d) => d.name !== action.name),
        links: lab.links.filter((l) => !touches(l.a) && !touches(l.b)),
      };
    }
    case 'addLink':
      return addLink(lab, action.a, action.b);
    case 'deleteLink':
      if (!lab.links[action.index]) return `there is no link ${action.index + 1}`;
      return { ...lab, links: lab.links.filter((_, i) => i !== action.index) };
    case 'changeLinkEnd': {
      const link = lab.links[action.index];
      if (!link) return `there is no link ${action.index + 1}`;
      const p = splitEndpoint(link[action.side]);
      if (!p) return `link ${action.index + 1} has a damaged end`;
      const links = lab.links.slice();
      links[action.index] = { ...link, [action.side]: endpoint(p.device, action.iface) };
      return { ...lab, links };
    }
    case 'setConfig':
      return withDevice(lab, action.name, (d) => ({ ...d, config: action.config }));
    case 'setTitle':
      return { ...lab, title: action.title };
    case 'setNotes':
      return { ...lab, notes: action.notes };
    case 'replaceLab':
      return action.lab;
  }
}

function withDevice(lab: Lab, name: string, change: (d: Lab['devices'][number]) => Lab['devices'][number]): Lab | string {
  const index = lab.devices.findIndex((d) => d.name === name);
  if (index < 0) return `there is no device named ${printable(name)}`;
  const devices = lab.devices.slice();
  devices[index] = change(devices[index]!);
  return { ...lab, devices };
}

function addLink(lab: Lab, a: string, b: string): Lab | string {
  let doc = lab;
  const ends: string[] = [];
  for (const end of [a, b]) {
    const resolved = resolveEnd(doc, end);
    if (typeof resolved === 'string') return resolved;
    doc = resolved.lab;
    ends.push(resolved.end);
  }
  const [ea, eb] = ends as [string, string];
  if (splitEndpoint(ea)?.device === splitEndpoint(eb)?.device) return 'a link joins two different devices';
  return { ...doc, links: [...doc.links, { a: ea, b: eb }] };
}

/** "R1" → "R1 GigabitEthernet3" (its first free interface, or a new one added to its config). */
function resolveEnd(lab: Lab, end: string): { lab: Lab; end: string } | string {
  if (end.includes(' ')) return { lab, end };
  const device = lab.devices.find((d) => d.name === end);
  if (!device) return `there is no device named ${printable(end)}`;
  const free = freeInterfaces(lab, end);
  if (free.length > 0) return { lab, end: endpoint(end, free[0]!) };
  const iface = nextNewInterface(device.kind, interfacesOf(lab, end));
  const grown = withDevice(lab, end, (d) => ({ ...d, config: withInterface(d.config, iface) }));
  if (typeof grown === 'string') return grown;
  return { lab: grown, end: endpoint(end, iface) };
}
