// Edge labels drawn into React Flow's label layer. React Flow's own EdgeLabelRenderer finds that
// layer with a querySelector inside its store selector, which runs on every store update (every
// drag frame) for every edge: 600 querySelectors a frame on a 450-link lab. This looks the layer
// up once per canvas, and the only thing each edge subscribes to is the canvas's DOM node.
// Zoomed out on a crowded lab (detail.ts), the labels are not drawn at all.
import { useContext, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { OverviewContext } from './detail';
import type { Point } from './geometry';

const canvasElement = (s: ReactFlowState) => s.domNode;

export function EdgeLabels({ children }: { children: ReactNode }) {
  const domNode = useStore(canvasElement);
  const overview = useContext(OverviewContext);
  const layer = useMemo(() => domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null, [domNode]);
  return layer && !overview ? createPortal(children, layer) : null;
}

/**
 * Centres its label on `at` with left/top and a flex box of no size (see .edge-label-anchor), not
 * with a transform: a transform gives each of a big lab's 900 labels its own piece of the page for
 * Chromium to layerize on every drag frame, several times the cost of plain positioned boxes.
 */
export function LabelAnchor({ at, children }: { at: Point; children: ReactNode }) {
  return (
    <div className="edge-label-anchor" style={{ left: at.x, top: at.y }}>
      {children}
    </div>
  );
}
