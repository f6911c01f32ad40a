// A crypto-map VPN drawn as a dotted arc between the two routers, labelled with the interfaces the
// maps are applied to and the map entry with its ACL. Unlike a tunnel it has no interface of its
// own (traffic the ACL matches is encrypted as it leaves the physical interface), so it is drawn
// in its own colour and dotted, not dashed. A view of the configs: never selected or deleted.
import { memo } from 'react';
import { BaseEdge, useInternalNode, useStoreApi, type Edge, type EdgeProps } from '@xyflow/react';
import { overlayArc } from './geometry';
import { overlaySide } from './overlay-side';
import { EdgeLabels, LabelAnchor } from './EdgeLabels';
import { LockGlyph } from './LockGlyph';

/**
 * `warn`: drawn in the warning colour (one-sided, or an access list that does not exist). `bow`
 * sets it further out when a tunnel joins the same two devices, so the two do not overlap.
 */
export type CryptoMapEdgeData = { label: string; kind: string; warn: boolean; bow: number };
export type CryptoMapFlowEdge = Edge<CryptoMapEdgeData, 'cryptomap'>;

function CryptoMapEdgeView({ id, source, target, data }: EdgeProps<CryptoMapFlowEdge>) {
  const from = useInternalNode(source)?.internals.positionAbsolute;
  const to = useInternalNode(target)?.internals.positionAbsolute;
  // Read, not subscribed: the side is chosen again whenever one of its own two devices moves.
  const store = useStoreApi();
  if (!from || !to || !data) return null;
  const side = overlaySide(store.getState().nodeLookup, source, target, from, to, data.bow);
  const { path, top } = overlayArc(from, to, data.bow, side);

  return (
    <>
      <BaseEdge id={id} path={path} className="cryptomap" interactionWidth={0} />
      <EdgeLabels>
        <LabelAnchor at={top}>
          <div className={`cryptomap-label${data.warn ? ' cryptomap-label--warn' : ''}`}>
            <LockGlyph />
            <span>{data.label}</span>
            <span className="cryptomap-label__kind">{data.kind}</span>
          </div>
        </LabelAnchor>
      </EdgeLabels>
    </>
  );
}

export const CryptoMapEdge = memo(CryptoMapEdgeView);
