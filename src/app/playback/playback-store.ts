// Session state of packet playback: the run being played, where playback is, what is selected,
// the event list's filters. Never part of the lab document, the undo history or the autosave.
import { create } from 'zustand';
import type { TraceRecord } from '../../sim';
import type { TrafficRequest } from '../traffic/engine';
import { clock } from './clock';
import type { Encapsulation } from './encapsulation';
import { buildTimeline, filterKeyOf, recordAt, type LinkEnds, type Timeline } from './timeline';

export interface PlaybackRun {
  request: TrafficRequest;
  summary: string[];
  espSa: string[];
  target: string;
}

export type EspView = 'wire' | 'decrypted';

interface PlaybackState {
  status: 'idle' | 'running' | 'ready' | 'error';
  error: string | null;
  run: PlaybackRun | null;
  timeline: Timeline | null;
  playing: boolean;
  speed: number;
  /** The whole beat playback is in (React re-renders on this, not on every frame). */
  beat: number;
  /** Index of the selected trace record, or null. */
  selected: number | null;
  hidden: ReadonlySet<Encapsulation>;
  espView: EspView;
  compareOpen: boolean;
  begin: () => void;
  fail: (error: string) => void;
  load: (run: PlaybackRun, records: TraceRecord[], links: readonly LinkEnds[], opts?: { autoplay?: boolean }) => void;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  restart: () => void;
  step: (direction: 1 | -1) => void;
  setSpeed: (speed: number) => void;
  select: (index: number) => void;
  toggleFilter: (e: Encapsulation) => void;
  setEspView: (v: EspView) => void;
  setCompareOpen: (open: boolean) => void;
  clear: () => void;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** Indexes of the records the filters let through, in order. */
export function visibleRecords(t: Timeline, hidden: ReadonlySet<Encapsulation>): number[] {
  const out: number[] = [];
  t.records.forEach((r, i) => {
    if (!hidden.has(filterKeyOf(r))) out.push(i);
  });
  return out;
}

export const usePlayback = create<PlaybackState>()((set, get) => {
  const syncFromClock = (position: number) => {
    const { timeline, beat, playing } = get();
    if (!timeline) return;
    const b = Math.floor(position);
    if (b === beat) return;
    // While playing, the selection follows the packet; a paused user keeps their own.
    set(playing ? { beat: b, selected: Math.max(0, recordAt(timeline, position)) } : { beat: b });
  };
  clock.subscribe(syncFromClock);
  clock.onStop = () => set({ playing: false });

  return {
    status: 'idle',
    error: null,
    run: null,
    timeline: null,
    playing: false,
    speed: 1,
    beat: 0,
    selected: null,
    hidden: new Set(),
    espView: 'wire',
    compareOpen: false,
    begin: () => set({ status: 'running', error: null }),
    fail: (error) => set({ status: 'error', error }),
    load: (run, records, links, opts = {}) => {
      clock.stop();
      const timeline = buildTimeline(records, links);
      clock.end = timeline.beatCount;
      set({ status: 'ready', error: null, run, timeline, playing: false, beat: -1, selected: records.length > 0 ? 0 : null, espView: 'wire' });
      clock.seek(0);
      if (opts.autoplay && records.length > 0) get().play();
    },
    play: () => {
      const { timeline } = get();
      if (!timeline) return;
      if (clock.position >= clock.end) clock.seek(0);
      set({ playing: true });
      clock.start();
    },
    pause: () => {
      clock.stop();
      set({ playing: false });
    },
    toggle: () => (get().playing ? get().pause() : get().play()),
    restart: () => {
      const { playing, timeline } = get();
      clock.seek(0);
      set({ selected: timeline && timeline.records.length > 0 ? 0 : null });
      if (playing) clock.start();
    },
    step: (direction) => {
      const { timeline, selected, hidden } = get();
      if (!timeline) return;
      get().pause();
      const rows = visibleRecords(timeline, hidden);
      if (rows.length === 0) return;
      const current = selected ?? -1;
      const next = direction > 0 ? rows.find((i) => i > current) : [...rows].reverse().find((i) => i < current);
      if (next === undefined) return;
      get().select(next);
    },
    setSpeed: (speed) => {
      clock.speed = speed;
      set({ speed });
    },
    select: (index) => {
      const { timeline } = get();
      if (!timeline || index < 0 || index >= timeline.records.length) return;
      clock.stop();
      set({ playing: false, selected: index, espView: 'wire' });
      clock.seek(timeline.beatOf[index]!);
    },
    toggleFilter: (e) =>
      set((s) => {
        const hidden = new Set(s.hidden);
        if (hidden.has(e)) hidden.delete(e);
        else hidden.add(e);
        return { hidden };
      }),
    setEspView: (espView) => set({ espView }),
    setCompareOpen: (compareOpen) => set({ compareOpen }),
    clear: () => {
      clock.stop();
      clock.end = 0;
      clock.seek(0);
      set({ status: 'idle', run: null, timeline: null, playing: false, selected: null, beat: 0 });
    },
  };
});
