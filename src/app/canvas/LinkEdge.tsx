// A link drawn as a straight line between two devices, with the interface name at each end
// shortened as IOS shortens it (Gi1, Tu0, Et0). Positions come from the two nodes themselves, so
// a link follows its devices wherever they are dragged.
import { memo } from 'react';
import { BaseEdge, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { deviceBox, linkGeometry } from './geometry';
import { EdgeLabels, LabelAnchor } from './EdgeLabels';

/** `offset` sets parallel links between the same two devices apart (see parallelOffset). */
export type LinkEdgeData = { aLabel: string; bLabel: string; offset: number };
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

function boxOf(node: InternalNode | undefined) {
  return node ? deviceBox(node.internals.positionAbsolute, node.measured.height) : null;
}

function LinkEdgeView({ id, source, target, data, selected }: EdgeProps<LinkFlowEdge>) {
  const a = boxOf(useInternalNode(source));
  const b = boxOf(useInternalNode(target));
  const geometry = a && b && data ? linkGeometry(a, b, data.offset) : null;
  if (!geometry || !data) return null;
  const { start, end, startLabel, endLabel } = geometry;

  return (
    <>
      <BaseEdge id={id} path={`M ${start.x},${start.y} L ${end.x},${end.y}`} className={selected ? 'link link--selected' : 'link'} interactionWidth={18} />
      <EdgeLabels>
        <LabelAnchor at={startLabel}>
          <div className={`link-label${selected ? ' link-label--selected' : ''}`} data-end="a">
            {data.aLabel}
          </div>
        </LabelAnchor>
        <LabelAnchor at={endLabel}>
          <div className={`link-label${selected ? ' link-label--selected' : ''}`} data-end="b">
            {data.bLabel}
          </div>
        </LabelAnchor>
      </EdgeLabels>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);
