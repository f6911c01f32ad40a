// Finds the tunnels a lab's configs build, so the canvas can draw each one over the links it
// rides on: a Tunnel interface whose `tunnel destination` is an address of another device. The
// configs are read with src/ios's parser (the same one the engine uses), memoised per config text.
import type { InterfaceConfig } from '../../ios';
import type { LabV1 } from '../../lab/types';
import { parsedConfig } from './parsed-configs';

export interface TunnelView {
  id: string;
  a: string;
  aIface: string;
  b: string;
  /** The peer's tunnel interface pointing back, when it has one. */
  bIface: string | null;
  /** What a learner calls it: "IPsec VTI", "GRE over IPsec", "GRE", ... */
  kind: string;
}

const interfacesIn = (config: string): InterfaceConfig[] => parsedConfig(config)?.interfaces ?? [];

export function tunnelKind(t: InterfaceConfig): string {
  if (t.tunnelMode === 'ipsec ipv4') return t.tunnelProtection ? 'IPsec VTI' : 'IPsec VTI (no protection)';
  if (t.tunnelMode === 'gre ip') return t.tunnelProtection ? 'GRE over IPsec' : 'GRE';
  return t.tunnelMode;
}

export function findTunnels(lab: LabV1): TunnelView[] {
  const interfaces = new Map(lab.devices.map((d) => [d.name, interfacesIn(d.config)]));
  const owner = new Map<string, string>();
  for (const [device, list] of interfaces) {
    for (const i of list) {
      if (i.ipAddress && !i.name.startsWith('Tunnel')) owner.set(i.ipAddress.address, device);
    }
  }

  // A static NAT (`ip nat inside source static LOCAL GLOBAL`) makes GLOBAL an address of the
  // device that owns LOCAL, as far as a tunnel aimed at it is concerned.
  for (const d of lab.devices) {
    for (const m of parsedConfig(d.config)?.nat.insideStatic ?? []) {
      const inside = owner.get(m.local);
      if (inside !== undefined && !owner.has(m.global)) owner.set(m.global, inside);
    }
  }
  // A router behind a NAT box is known to its peer by the NAT's address: a tunnel aimed at a NAT
  // box belongs to whichever router's tunnel aims back at the sender (when exactly one does).
  const nat = new Set(lab.devices.filter((d) => d.kind === 'nat').map((d) => d.name));
  const tunnelsOf = (device: string) => (interfaces.get(device) ?? []).filter((i) => i.name.startsWith('Tunnel') && i.tunnelDestination !== undefined);
  const peerOf = (device: string, t: InterfaceConfig): string | undefined => {
    const o = owner.get(t.tunnelDestination!);
    if (o === undefined || !nat.has(o)) return o;
    const behind = [...interfaces.keys()].filter((d) => d !== device && tunnelsOf(d).some((p) => owner.get(p.tunnelDestination!) === device));
    return behind.length === 1 ? behind[0] : undefined;
  };

  const tunnels: TunnelView[] = [];
  const drawn = new Set<string>();
  for (const [device, list] of interfaces) {
    for (const t of list) {
      if (!t.name.startsWith('Tunnel') || !t.tunnelDestination) continue;
      const peer = peerOf(device, t);
      if (!peer || peer === device) continue;
      const back = tunnelsOf(peer).find((p) => peerOf(peer, p) === device);
      const key = [`${device} ${t.name}`, back ? `${peer} ${back.name}` : peer].sort().join('|');
      if (drawn.has(key)) continue;
      drawn.add(key);
      // Two ends configured differently is a classic lab mistake: say so on the canvas.
      const kind = back && tunnelKind(back) !== tunnelKind(t) ? `${tunnelKind(t)} vs ${tunnelKind(back)}: modes differ` : tunnelKind(t);
      tunnels.push({ id: `tunnel-${key}`, a: device, aIface: t.name, b: peer, bIface: back?.name ?? null, kind });
    }
  }
  return tunnels;
}
