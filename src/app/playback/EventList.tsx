// The event list: one row per trace record (time, device, in/out interface, protocol, what
// happened), filtered by protocol. A listbox: click or arrow keys select a moment; the
// selection scrolls into view as playback moves. Only the rows in view are rendered (a long run
// has tens of thousands), so following playback costs the same at any length.
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TraceRecord } from '../../sim';
import { usePlayback, visibleRecords } from './playback-store';
import { ENCAPSULATIONS, encapsulationOf } from './encapsulation';
import { windowOf } from './virtual-window';
import { KeyHints } from './PlaybackControls';

export const ROW_HEIGHT = 24;

/** Simulated time as seconds with microseconds, as a capture shows it. */
export const formatSimTime = (us: number): string => (us / 1_000_000).toFixed(6);

const EventRow = memo(function EventRow({ r, index, selected, top }: { r: TraceRecord; index: number; selected: boolean; top: number }) {
  return (
    <li
      id={`event-${index}`}
      data-index={index}
      data-point={r.point}
      data-device={r.device}
      data-protocol={r.protocol}
      role="option"
      aria-selected={selected}
      className={`event${selected ? ' event--selected' : ''}${r.point === 'Drop' ? ' event--drop' : ''}`}
      style={{ top }}
      onClick={() => usePlayback.getState().select(index)}
    >
      <span className="event__time">{formatSimTime(r.time)}</span>
      <span className="event__device">{r.device}</span>
      <span className="event__ifaces">
        {r.ingress ?? '·'} → {r.egress ?? '·'}
      </span>
      <span className="event__protocol">
        <span className="legend__swatch" data-encap={encapsulationOf(r.protocol)} aria-hidden="true" />
        {r.protocol}
      </span>
      <span className="event__what" title={r.decision}>
        <strong>{r.point}</strong> {r.decision}
      </span>
    </li>
  );
});

export function EventList() {
  const timeline = usePlayback((s) => s.timeline);
  const selected = usePlayback((s) => s.selected);
  const hidden = usePlayback((s) => s.hidden);
  const { select, step, toggleFilter } = usePlayback.getState();
  const rows = useMemo(() => (timeline ? visibleRecords(timeline, hidden) : []), [timeline, hidden]);
  const list = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });

  // Keep the selected row in view (scrolling the list, which then renders the rows there).
  useEffect(() => {
    const el = list.current;
    if (selected === null || !el) return;
    const at = rows.indexOf(selected);
    if (at < 0) return;
    const y = at * ROW_HEIGHT;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = y + ROW_HEIGHT - el.clientHeight;
  }, [selected, rows]);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [timeline]);

  if (!timeline) return null;
  const present = new Set(timeline.records.map((r) => encapsulationOf(r.protocol)));
  const { first, last } = windowOf(rows.length, ROW_HEIGHT, view.top, view.height, 8);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') step(1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') step(-1);
    else if (e.key === 'Home' && rows[0] !== undefined) select(rows[0]);
    else if (e.key === 'End' && rows.length > 0) select(rows.at(-1)!);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="events">
      <fieldset className="events__filters">
        <legend>Show</legend>
        {ENCAPSULATIONS.filter((e) => present.has(e.id)).map((e) => (
          <label key={e.id}>
            <input type="checkbox" checked={!hidden.has(e.id)} onChange={() => toggleFilter(e.id)} />
            <span className="legend__swatch" data-encap={e.id} aria-hidden="true" />
            {e.label}
          </label>
        ))}
        <KeyHints />
      </fieldset>
      <div className="events__head" aria-hidden="true">
        <span>Time (s)</span>
        <span>Device</span>
        <span>In → out</span>
        <span>Protocol</span>
        <span>What happened</span>
      </div>
      <ul
        ref={list}
        className="events__list"
        role="listbox"
        aria-label="Events, one per step of each packet"
        tabIndex={0}
        aria-activedescendant={selected !== null && rows.includes(selected) ? `event-${selected}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <li role="presentation" className="events__spacer" style={{ height: rows.length * ROW_HEIGHT }} />
        {rows.slice(first, last).map((i, k) => (
          <EventRow key={i} r={timeline.records[i]!} index={i} selected={i === selected} top={(first + k) * ROW_HEIGHT} />
        ))}
      </ul>
    </div>
  );
}
