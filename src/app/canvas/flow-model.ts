// Turns the lab document into React Flow nodes and edges. Node objects are reused when nothing
// about them changed, and keep React Flow's measurements when they do, so React Flow neither
// re-renders nor re-measures devices the lab did not touch.
import { shortInterfaceName, splitEndpoint } from '../../lab/names';
import type { DeviceV1, LabV1 } from '../../lab/types';
import { KIND_LABEL } from './icons';
import type { DeviceFlowNode } from './DeviceNode';
import type { LinkFlowEdge } from './LinkEdge';

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
  const edges: LinkFlowEdge[] = [];
  lab.links.forEach((link, index) => {
    const a = splitEndpoint(link.a);
    const b = splitEndpoint(link.b);
    if (!a || !b) return;
    edges.push({
      id: linkEdgeId(index),
      type: 'link',
      source: a.device,
      target: b.device,
      sourceHandle: 'link',
      targetHandle: 'drop',
      selected: index === selectedLink,
      ariaLabel: `Link from ${a.device} ${a.iface} to ${b.device} ${b.iface}`,
      data: { aLabel: shortInterfaceName(a.iface), bLabel: shortInterfaceName(b.iface) },
    });
  });
  return edges;
}
