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

  const tunnels: TunnelView[] = [];
  const drawn = new Set<string>();
  for (const [device, list] of interfaces) {
    for (const t of list) {
      if (!t.name.startsWith('Tunnel') || !t.tunnelDestination) continue;
      const peer = owner.get(t.tunnelDestination);
      if (!peer || peer === device) continue;
      const back = (interfaces.get(peer) ?? []).find(
        (p) => p.name.startsWith('Tunnel') && p.tunnelDestination !== undefined && owner.get(p.tunnelDestination) === device,
      );
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
