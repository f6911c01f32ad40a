// A crypto-map VPN drawn as a dotted arc between the two routers, labelled with the interfaces the
// maps are applied to and the map entry with its ACL. Unlike a tunnel it has no interface of its
// own (traffic the ACL matches is encrypted as it leaves the physical interface), so it is drawn
// in its own colour and dotted, not dashed. A view of the configs: never selected or deleted.
import { memo } from 'react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { OverlayArcEdge } from './OverlayArcEdge';

/**
 * `warn`: drawn in the warning colour (one-sided, or an access list that does not exist). `bow`
 * sets it further out when a tunnel joins the same two devices, so the two do not overlap.
 */
export type CryptoMapEdgeData = { label: string; kind: string; warn: boolean; bow: number };
export type CryptoMapFlowEdge = Edge<CryptoMapEdgeData, 'cryptomap'>;

function CryptoMapEdgeView({ id, source, target, data }: EdgeProps<CryptoMapFlowEdge>) {
  if (!data) return null;
  return <OverlayArcEdge id={id} source={source} target={target} look="cryptomap" bow={data.bow} label={data.label} kind={data.kind} warn={data.warn} lock />;
}

export const CryptoMapEdge = memo(CryptoMapEdgeView);
