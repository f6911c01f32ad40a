// Which way an overlay (a tunnel or a crypto map) bows, read from the store when its own devices
// move: up, unless its label would land on a third device and the other side is clearer.
import type { InternalNode } from '@xyflow/react';
import { clearSide, type Point } from './geometry';

function* otherPositions(nodes: Map<string, InternalNode>, source: string, target: string): Generator<Point> {
  for (const [id, node] of nodes) if (id !== source && id !== target) yield node.internals.positionAbsolute;
}

export function overlaySide(nodes: Map<string, InternalNode>, source: string, target: string, from: Point, to: Point, bow: number): 1 | -1 {
  return clearSide(from, to, bow, otherPositions(nodes, source, target));
}
