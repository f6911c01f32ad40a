// A tunnel drawn as a dashed arc over the links it rides on (above them, unless its label would
// land on a third device), labelled with its two tunnel interfaces and its kind (IPsec VTI, GRE,
// GRE over IPsec). It is a view of the configs, not a cable: it cannot be selected or deleted;
// change it in the running-config.
import { memo } from 'react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { TUNNEL_BOW } from './geometry';
import { OverlayArcEdge } from './OverlayArcEdge';

export type TunnelEdgeData = { label: string; kind: string };
export type TunnelFlowEdge = Edge<TunnelEdgeData, 'tunnel'>;

function TunnelEdgeView({ id, source, target, data }: EdgeProps<TunnelFlowEdge>) {
  if (!data) return null;
  const lock = data.kind === 'IPsec VTI' || data.kind === 'GRE over IPsec';
  return <OverlayArcEdge id={id} source={source} target={target} look="tunnel" bow={TUNNEL_BOW} label={data.label} kind={data.kind} warn={data.kind.includes('differ')} lock={lock} />;
}

export const TunnelEdge = memo(TunnelEdgeView);
