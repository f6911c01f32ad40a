// Turns the lab document into React Flow nodes and edges. Node objects are reused when nothing
// about them changed, and keep React Flow's measurements when they do, so React Flow neither
// re-renders nor re-measures devices the lab did not touch.
import { shortInterfaceName, splitEndpoint } from '../../lab/names';
import type { DeviceV1, LabV1 } from '../../lab/types';
import { KIND_LABEL } from './icons';
import { TUNNEL_BOW, parallelOffset } from './geometry';
import type { DeviceFlowNode } from './DeviceNode';
import type { LinkFlowEdge } from './LinkEdge';
import type { TunnelFlowEdge } from './TunnelEdge';
import type { CryptoMapFlowEdge } from './CryptoMapEdge';
import { findTunnels } from './tunnels';
import { findCryptoMaps } from './crypto-maps';

export function syncNodes(previous: DeviceFlowNode[], devices: DeviceV1[], selectedDevice: string | null): DeviceFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  let changed = previous.length !== devices.length;
  const next = devices.map((device, i) => {
    const old = byId.get(device.name);
    const selected = device.name === selectedDevice;
    if (
      old &&
      !old.dragging &&
      old.data.kind === device.kind &&
      old.position.x === device.x &&
      old.position.y === device.y &&
      Boolean(old.selected) === selected
    ) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    if (old?.dragging && old.data.kind === device.kind) return old;
    changed = true;
    const node: DeviceFlowNode = {
      id: device.name,
      type: 'device',
      position: { x: device.x, y: device.y },
      data: old && old.data.kind === device.kind ? old.data : { name: device.name, kind: device.kind },
      selected,
      ariaLabel: `${KIND_LABEL[device.kind]} ${device.name}`,
    };
    if (old?.measured) node.measured = old.measured;
    return node;
  });
  return changed ? next : previous;
}

export const linkEdgeId = (index: number): string => `link-${index}`;

export function toEdges(lab: LabV1, selectedLink: number | null): LinkFlowEdge[] {
  // Links between the same two devices are drawn side by side rather than on top of each other.
  const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  const pairCount = new Map<string, number>();
  for (const link of lab.links) {
    const key = pairKey(splitEndpoint(link.a)?.device ?? '', splitEndpoint(link.b)?.device ?? '');
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }
  const pairSeen = new Map<string, number>();

  const edges: LinkFlowEdge[] = [];
  lab.links.forEach((link, index) => {
    const a = splitEndpoint(link.a);
    const b = splitEndpoint(link.b);
    if (!a || !b) return;
    const key = pairKey(a.device, b.device);
    const nth = pairSeen.get(key) ?? 0;
    pairSeen.set(key, nth + 1);
    // The offset is measured from a's side; flip it for links written b-to-a so they agree.
    const offset = parallelOffset(nth, pairCount.get(key) ?? 1) * (a.device < b.device ? 1 : -1);
    edges.push({
      id: linkEdgeId(index),
      type: 'link',
      source: a.device,
      target: b.device,
      sourceHandle: 'link',
      targetHandle: 'drop',
      selected: index === selectedLink,
      ariaLabel: `Link from ${a.device} ${a.iface} to ${b.device} ${b.iface}`,
      data: { aLabel: shortInterfaceName(a.iface), bLabel: shortInterfaceName(b.iface), offset },
    });
  });
  return edges;
}

/**
 * The new edges, with each one that has not changed replaced by the old object, so that after a
 * drag (which changes the lab, so toEdges runs again) React Flow re-renders only the edges whose
 * ends or selection changed, not all of them.
 */
export function reuseEdges(previous: LinkFlowEdge[], next: LinkFlowEdge[]): LinkFlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const merged = next.map((edge, i) => {
    const old = byId.get(edge.id);
    const same =
      old &&
      old.source === edge.source &&
      old.target === edge.target &&
      old.selected === edge.selected &&
      old.ariaLabel === edge.ariaLabel &&
      old.data?.aLabel === edge.data?.aLabel &&
      old.data?.bLabel === edge.data?.bLabel &&
      old.data?.offset === edge.data?.offset;
    if (!same || previous[i] !== old) changed = true;
    return same ? old : edge;
  });
  return changed ? merged : previous;
}

/** Tunnels drawn over the links: views of the configs, never selected or deleted on the canvas. */
/** Tunnels and crypto maps are views of the configs drawn under the links: never picked, moved or deleted. */
const OVERLAY_EDGE = {
  sourceHandle: 'link',
  targetHandle: 'drop',
  selectable: false,
  deletable: false,
  focusable: false,
  zIndex: -1,
} as const;

export function toTunnelEdges(lab: LabV1): TunnelFlowEdge[] {
  return findTunnels(lab).map((t) => {
    const a = shortInterfaceName(t.aIface);
    const b = t.bIface ? shortInterfaceName(t.bIface) : '?';
    return {
      id: t.id,
      type: 'tunnel',
      source: t.a,
      target: t.b,
      ...OVERLAY_EDGE,
      ariaLabel: `Tunnel from ${t.a} ${t.aIface} to ${t.b}${t.bIface ? ` ${t.bIface}` : ''}, ${t.kind}`,
      data: { label: `${t.a} ${a} – ${t.b} ${b}`, kind: t.kind },
    };
  });
}

/** A crypto map between two devices a tunnel also joins stands further out than the tunnel. */
export const CRYPTO_MAP_BOW = TUNNEL_BOW;
export const CRYPTO_MAP_OUTER_BOW = TUNNEL_BOW + 42;

/** Crypto-map VPNs drawn like tunnels, in their own style; `tunnels` decides which stand further out. */
export function toCryptoMapEdges(lab: LabV1, tunnels: readonly TunnelFlowEdge[]): CryptoMapFlowEdge[] {
  const pair = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  const tunnelled = new Set(tunnels.map((t) => pair(t.source, t.target)));
  return findCryptoMaps(lab).map((m) => ({
    id: m.id,
    type: 'cryptomap',
    source: m.a,
    target: m.b,
    ...OVERLAY_EDGE,
    ariaLabel: `VPN from ${m.a} ${m.aIface} to ${m.b} ${m.bIface}, ${m.kind}`,
    data: {
      label: `${m.a} ${shortInterfaceName(m.aIface)} – ${m.b} ${shortInterfaceName(m.bIface)}`,
      kind: m.kind,
      warn: m.oneSided || m.aclMissing,
      bow: tunnelled.has(pair(m.a, m.b)) ? CRYPTO_MAP_OUTER_BOW : CRYPTO_MAP_BOW,
    },
  }));
}
