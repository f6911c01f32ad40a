// A tunnel drawn as a dashed arc above the links it rides on, labelled with its two tunnel
// interfaces and its kind (IPsec VTI, GRE, GRE over IPsec). It is a view of the configs, not a
// cable: it cannot be selected or deleted; change it in the running-config.
import { memo } from 'react';
import { BaseEdge, useInternalNode, type Edge, type EdgeProps } from '@xyflow/react';
import { ICON_CENTRE } from './geometry';
import { EdgeLabels, LabelAnchor } from './EdgeLabels';

export type TunnelEdgeData = { label: string; kind: string };
export type TunnelFlowEdge = Edge<TunnelEdgeData, 'tunnel'>;

/** How far the arc's top stands off the straight line between the two devices. */
const BOW = 58;

function TunnelEdgeView({ id, source, target, data }: EdgeProps<TunnelFlowEdge>) {
  const from = useInternalNode(source)?.internals.positionAbsolute;
  const to = useInternalNode(target)?.internals.positionAbsolute;
  if (!from || !to || !data) return null;
  const a = { x: from.x + ICON_CENTRE.x, y: from.y + ICON_CENTRE.y - 22 };
  const b = { x: to.x + ICON_CENTRE.x, y: to.y + ICON_CENTRE.y - 22 };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  // Bow towards the top of the screen (or the right, for a vertical pair).
  let n = { x: dy / length, y: -dx / length };
  if (n.y > 0 || (n.y === 0 && n.x < 0)) n = { x: -n.x, y: -n.y };
  // A quadratic curve's midpoint lies halfway to its control point, so the control point sits at 2 × BOW.
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const control = { x: mid.x + n.x * 2 * BOW, y: mid.y + n.y * 2 * BOW };
  const top = { x: mid.x + n.x * BOW, y: mid.y + n.y * BOW };
  const locked = data.kind === 'IPsec VTI' || data.kind === 'GRE over IPsec';

  return (
    <>
      <BaseEdge id={id} path={`M ${a.x},${a.y} Q ${control.x},${control.y} ${b.x},${b.y}`} className="tunnel" interactionWidth={0} />
      <EdgeLabels>
        <LabelAnchor at={top}>
          <div className={`tunnel-label${data.kind.includes('differ') ? ' tunnel-label--warn' : ''}`}>
            {locked && (
              <svg width="11" height="12" viewBox="0 0 11 12" aria-hidden="true">
                <rect x="1" y="5" width="9" height="6.5" rx="1.5" fill="currentColor" />
                <path d="M3 5V3.5a2.5 2.5 0 015 0V5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              </svg>
            )}
            <span>{data.label}</span>
            <span className="tunnel-label__kind">{data.kind}</span>
          </div>
        </LabelAnchor>
      </EdgeLabels>
    </>
  );
}

export const TunnelEdge = memo(TunnelEdgeView);
