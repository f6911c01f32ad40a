// A link drawn as a straight line between two device icons, with the interface name at each end
// shortened as IOS shortens it (Gi1, Tu0, Et0). Positions come from the two nodes themselves, so
// a link follows its devices wherever they are dragged.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps } from '@xyflow/react';
import { ICON_CENTRE, ICON_RADIUS, LABEL_DISTANCE, along, type Point } from './geometry';

export type LinkEdgeData = { aLabel: string; bLabel: string };
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

function iconCentre(position: { x: number; y: number } | undefined): Point | null {
  return position ? { x: position.x + ICON_CENTRE.x, y: position.y + ICON_CENTRE.y } : null;
}

function LinkEdgeView({ id, source, target, data, selected }: EdgeProps<LinkFlowEdge>) {
  const from = iconCentre(useInternalNode(source)?.internals.positionAbsolute);
  const to = iconCentre(useInternalNode(target)?.internals.positionAbsolute);
  if (!from || !to || !data) return null;

  const start = along(from, to, ICON_RADIUS);
  const end = along(to, from, ICON_RADIUS);
  const aLabel = along(from, to, LABEL_DISTANCE);
  const bLabel = along(to, from, LABEL_DISTANCE);
  const path = `M ${start.x},${start.y} L ${end.x},${end.y}`;

  return (
    <>
      <BaseEdge id={id} path={path} className={selected ? 'link link--selected' : 'link'} interactionWidth={18} />
      <EdgeLabelRenderer>
        <div className="link-label" data-end="a" style={{ transform: `translate(-50%, -50%) translate(${aLabel.x}px, ${aLabel.y}px)` }}>
          {data.aLabel}
        </div>
        <div className="link-label" data-end="b" style={{ transform: `translate(-50%, -50%) translate(${bLabel.x}px, ${bLabel.y}px)` }}>
          {data.bLabel}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);
