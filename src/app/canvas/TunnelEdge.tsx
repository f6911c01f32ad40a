// A tunnel drawn as a dashed arc over the links it rides on (above them, unless its label would
// land on a third device), labelled with its two tunnel interfaces and its kind (IPsec VTI, GRE,
// GRE over IPsec). It is a view of the configs, not a cable: it cannot be selected or deleted;
// change it in the running-config.
import { memo } from 'react';
import { BaseEdge, useInternalNode, useStoreApi, type Edge, type EdgeProps } from '@xyflow/react';
import { TUNNEL_BOW, overlayArc } from './geometry';
import { overlaySide } from './overlay-side';
import { EdgeLabels, LabelAnchor } from './EdgeLabels';
import { LockGlyph } from './LockGlyph';

export type TunnelEdgeData = { label: string; kind: string };
export type TunnelFlowEdge = Edge<TunnelEdgeData, 'tunnel'>;

function TunnelEdgeView({ id, source, target, data }: EdgeProps<TunnelFlowEdge>) {
  const from = useInternalNode(source)?.internals.positionAbsolute;
  const to = useInternalNode(target)?.internals.positionAbsolute;
  // Read, not subscribed: the side is chosen again whenever one of its own two devices moves.
  const store = useStoreApi();
  if (!from || !to || !data) return null;
  const { path, top } = overlayArc(from, to, TUNNEL_BOW, overlaySide(store.getState().nodeLookup, source, target, from, to, TUNNEL_BOW));
  const locked = data.kind === 'IPsec VTI' || data.kind === 'GRE over IPsec';

  return (
    <>
      <BaseEdge id={id} path={path} className="tunnel" interactionWidth={0} />
      <EdgeLabels>
        <LabelAnchor at={top}>
          <div className={`tunnel-label${data.kind.includes('differ') ? ' tunnel-label--warn' : ''}`}>
            {locked && <LockGlyph />}
            <span>{data.label}</span>
            <span className="tunnel-label__kind">{data.kind}</span>
          </div>
        </LabelAnchor>
      </EdgeLabels>
    </>
  );
}

export const TunnelEdge = memo(TunnelEdgeView);
