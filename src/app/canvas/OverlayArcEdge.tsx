// What a tunnel and a crypto map have in common on the canvas: an arc between two routers that
// bows away from a third device in its way, and a pill label at the arc's top. Each kind brings
// its own class (`tunnel`, `cryptomap`: dashed or dotted, its colours) and its bow.
import { BaseEdge, useInternalNode, useStoreApi } from '@xyflow/react';
import { overlayArc } from './geometry';
import { EdgeLabels, LabelAnchor } from './EdgeLabels';
import { LockGlyph } from './LockGlyph';
import { overlaySide } from './overlay-side';

export interface OverlayArcProps {
  id: string;
  source: string;
  target: string;
  /** `tunnel` or `cryptomap`: the class of the arc, `-label` of its label. */
  look: 'tunnel' | 'cryptomap';
  bow: number;
  label: string;
  kind: string;
  warn: boolean;
  lock: boolean;
}

export function OverlayArcEdge({ id, source, target, look, bow, label, kind, warn, lock }: OverlayArcProps) {
  const from = useInternalNode(source)?.internals.positionAbsolute;
  const to = useInternalNode(target)?.internals.positionAbsolute;
  // Read, not subscribed: the side is chosen again whenever one of its own two devices moves.
  const store = useStoreApi();
  if (!from || !to) return null;
  const { path, top } = overlayArc(from, to, bow, overlaySide(store.getState().nodeLookup, source, target, from, to, bow));
  return (
    <>
      <BaseEdge id={id} path={path} className={look} interactionWidth={0} />
      <EdgeLabels>
        <LabelAnchor at={top}>
          <div className={`${look}-label${warn ? ` ${look}-label--warn` : ''}`}>
            {lock && <LockGlyph />}
            <span>{label}</span>
            <span className={`${look}-label__kind`}>{kind}</span>
          </div>
        </LabelAnchor>
      </EdgeLabels>
    </>
  );
}
