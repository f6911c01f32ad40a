// Packets on the canvas: one dot per frame on a wire, moved along its link by a Web Animation kept
// in step with the playback clock (see dot-motion.ts; the React tree changes only when a beat
// starts or ends). Drops show as a marker with the reason at the device where they happened.
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { ViewportPortal, useStoreApi, type InternalNode } from '@xyflow/react';
import { deviceBox, linkGeometry } from '../canvas/geometry';
import { BEAT_MS, clock } from './clock';
import { moveDot, stopDot } from './dot-motion';
import { usePlayback } from './playback-store';
import type { Transit } from './timeline';
import { ENCAPSULATIONS } from './encapsulation';

const LABEL = Object.fromEntries(ENCAPSULATIONS.map((e) => [e.id, e.label]));

function segment(lookup: Map<string, InternalNode>, from: string, to: string) {
  const a = lookup.get(from);
  const b = lookup.get(to);
  if (!a || !b) return null;
  return linkGeometry(deviceBox(a.internals.positionAbsolute, a.measured.height), deviceBox(b.internals.positionAbsolute, b.measured.height));
}

/**
 * One dot. Its ref callback keeps its identity while the transit does, so the dot registers (and
 * its animation is stopped) once, not on every render of the layer.
 */
const PacketDot = memo(function PacketDot({ transit: t, dots }: { transit: Transit; dots: Map<number, HTMLDivElement> }) {
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      dots.set(t.seq, el);
      return () => {
        stopDot(el);
        if (dots.get(t.seq) === el) dots.delete(t.seq);
      };
    },
    [t, dots],
  );
  return (
    <div
      ref={ref}
      className="packet-dot"
      data-encap={t.encapsulation}
      data-seq={t.seq}
      data-from={t.from}
      data-to={t.to}
      title={`${LABEL[t.encapsulation]} ${t.from} → ${t.to}`}
    />
  );
});

function PacketLayerView() {
  const timeline = usePlayback((s) => s.timeline);
  const beat = usePlayback((s) => s.beat);
  const store = useStoreApi();
  const dots = useRef(new Map<number, HTMLDivElement>());

  const active = useMemo<Transit[]>(() => (timeline ? timeline.transits.filter((t) => t.startBeat <= beat && beat < t.endBeat) : []), [timeline, beat]);
  const drops = useMemo(() => (timeline ? timeline.drops.filter((d) => beat >= d.beat && beat < d.beat + 2) : []), [timeline, beat]);

  useLayoutEffect(() => {
    // The two devices each dot was last placed between: a store update that moved neither (a pan,
    // a zoom, another device dragged) leaves the dot alone.
    const placedBetween = new Map<number, [InternalNode | undefined, InternalNode | undefined]>();
    const place = (position: number, onlyMoved = false) => {
      const lookup = store.getState().nodeLookup as Map<string, InternalNode>;
      for (const t of active) {
        const el = dots.current.get(t.seq);
        if (!el) continue;
        const a = lookup.get(t.from);
        const b = lookup.get(t.to);
        const last = placedBetween.get(t.seq);
        if (onlyMoved && last && last[0] === a && last[1] === b) continue;
        placedBetween.set(t.seq, [a, b]);
        const g = segment(lookup, t.from, t.to);
        if (!g) continue;
        moveDot(el, {
          from: g.start,
          to: g.end,
          durationMs: (t.endBeat - t.startBeat) * BEAT_MS,
          timeMs: (position - t.startBeat) * BEAT_MS,
          playing: clock.running,
          speed: clock.speed,
        });
      }
    };
    place(clock.position);
    const offClock = clock.subscribe((position) => place(position));
    // Follow devices while they are dragged. While the clock runs its next frame does that for
    // every dot anyway; paused, only the dots on a moved device's links need placing again.
    const offNodes = store.subscribe(() => {
      if (!clock.running) place(clock.position, true);
    });
    return () => {
      offClock();
      offNodes();
    };
  }, [active, store]);

  const lookup = store.getState().nodeLookup as Map<string, InternalNode>;
  return (
    <ViewportPortal>
      <div className="packet-layer" aria-hidden="true">
        {active.map((t) => (
          <PacketDot key={t.seq} transit={t} dots={dots.current} />
        ))}
        {drops.map((d) => {
          const n = lookup.get(d.device);
          if (!n) return null;
          const box = deviceBox(n.internals.positionAbsolute, n.measured.height);
          return (
            <div key={d.seq} className="packet-drop" data-device={d.device} style={{ transform: `translate(${box.centre.x}px, ${box.top - 6}px)` }}>
              <span className="packet-drop__x">✕</span> dropped: {d.reason}
            </div>
          );
        })}
      </div>
    </ViewportPortal>
  );
}

export const PacketLayer = memo(PacketLayerView);
