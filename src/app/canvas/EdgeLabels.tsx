// Edge labels drawn into React Flow's label layer. React Flow's own EdgeLabelRenderer finds that
// layer with a querySelector inside its store selector, which runs on every store update (every
// drag frame) for every edge: 600 querySelectors a frame on a 450-link lab. This looks the layer
// up once per canvas, and the only thing each edge subscribes to is the canvas's DOM node.
// Zoomed out on a crowded lab (detail.ts), the labels are not drawn at all.
import { useContext, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { OverviewContext } from './detail';

const canvasElement = (s: ReactFlowState) => s.domNode;

export function EdgeLabels({ children }: { children: ReactNode }) {
  const domNode = useStore(canvasElement);
  const overview = useContext(OverviewContext);
  const layer = useMemo(() => domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null, [domNode]);
  return layer && !overview ? createPortal(children, layer) : null;
}
