// The event list: one row per trace record (time, device, in/out interface, protocol, what
// happened), filtered by protocol. A listbox: click or arrow keys select a moment; the
// selection scrolls into view as playback moves.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { usePlayback, visibleRecords } from './playback-store';
import { ENCAPSULATIONS, encapsulationOf } from './encapsulation';

const MAX_ROWS = 3000;

/** Simulated time as seconds with microseconds, as a capture shows it. */
export const formatSimTime = (us: number): string => (us / 1_000_000).toFixed(6);

export function EventList() {
  const timeline = usePlayback((s) => s.timeline);
  const selected = usePlayback((s) => s.selected);
  const hidden = usePlayback((s) => s.hidden);
  const { select, step, toggleFilter } = usePlayback.getState();
  const rows = useMemo(() => (timeline ? visibleRecords(timeline, hidden).slice(0, MAX_ROWS) : []), [timeline, hidden]);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (selected === null) return;
    list.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (!timeline) return null;
  const present = new Set(timeline.records.map((r) => encapsulationOf(r.protocol)));

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
        aria-activedescendant={selected !== null ? `event-${selected}` : undefined}
        onKeyDown={onKeyDown}
      >
        {rows.map((i) => {
          const r = timeline.records[i]!;
          return (
            <li
              key={i}
              id={`event-${i}`}
              data-index={i}
              data-point={r.point}
              data-device={r.device}
              data-protocol={r.protocol}
              role="option"
              aria-selected={i === selected}
              className={`event${i === selected ? ' event--selected' : ''}${r.point === 'Drop' ? ' event--drop' : ''}`}
              onClick={() => select(i)}
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
              <span className="event__what">
                <strong>{r.point}</strong> {r.decision}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
