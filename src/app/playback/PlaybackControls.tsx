// Play, pause, step, restart and speed, with the keys that do the same shown beside them.
import { usePlayback, SPEEDS } from './playback-store';
import { ENCAPSULATIONS } from './encapsulation';

export function PlaybackControls() {
  const timeline = usePlayback((s) => s.timeline);
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const { toggle, step, restart, setSpeed } = usePlayback.getState();
  const disabled = !timeline || timeline.records.length === 0;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" className="button button--icon" onClick={restart} disabled={disabled} aria-label="Restart" title="Restart (Home)" aria-keyshortcuts="Home">
        <Glyph d="M3 2v12M13 2.5L5.5 8 13 13.5z" />
      </button>
      <button type="button" className="button button--icon" onClick={() => step(-1)} disabled={disabled} aria-label="Step back" title="Step back (←)" aria-keyshortcuts="ArrowLeft">
        <Glyph d="M12 2.5L4.5 8 12 13.5zM3 2v12" fill={false} />
      </button>
      <button type="button" className="button button--icon button--play" onClick={toggle} disabled={disabled} aria-label={playing ? 'Pause' : 'Play'} title={`${playing ? 'Pause' : 'Play'} (Space)`} aria-keyshortcuts="Space">
        {playing ? <Glyph d="M4 2.5h3v11H4zM9 2.5h3v11H9z" /> : <Glyph d="M4 2l10 6-10 6z" />}
      </button>
      <button type="button" className="button button--icon" onClick={() => step(1)} disabled={disabled} aria-label="Step forward" title="Step forward (→)" aria-keyshortcuts="ArrowRight">
        <Glyph d="M4 2.5L11.5 8 4 13.5zM13 2v12" fill={false} />
      </button>
      <label className="playback__speed">
        <span>Speed</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Playback speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The playback keys, shown where the events are (they work anywhere outside text fields and the canvas). */
export function KeyHints() {
  return (
    <span className="playback__keys" aria-hidden="true">
      <kbd>Space</kbd> play/pause <kbd>←</kbd>
      <kbd>→</kbd> step <kbd>Home</kbd> restart
    </span>
  );
}

export function Legend() {
  return (
    <ul className="legend" aria-label="Packet colours">
      {ENCAPSULATIONS.map((e) => (
        <li key={e.id} title={e.meaning}>
          <span className="legend__swatch" data-encap={e.id} aria-hidden="true" />
          {e.label}
        </li>
      ))}
    </ul>
  );
}

/** A 16px icon drawn with currentColor; `fill` false draws outlines only. */
function Glyph({ d, fill = true }: { d: string; fill?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={d} fill={fill ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
