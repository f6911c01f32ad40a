// The packet dock under the canvas: send traffic, play it back, list its events and inspect the
// selected one. Loaded lazily (it pulls in the dissectors), so the first paint stays small.
import { useEffect } from 'react';
import { TrafficControl } from '../traffic/TrafficControl';
import { CompareButton } from '../compare/CompareButton';
import { Inspector } from '../inspector/Inspector';
import { EventList } from './EventList';
import { Legend, PlaybackControls } from './PlaybackControls';
import { usePlayback } from './playback-store';
import { usePlaybackKeys } from './keys';
import { installPlaybackHook } from './test-hook';
import './playback.css';

export default function PacketDock() {
  const status = usePlayback((s) => s.status);
  const error = usePlayback((s) => s.error);
  const run = usePlayback((s) => s.run);
  const hasRun = usePlayback((s) => s.timeline !== null);
  usePlaybackKeys();
  useEffect(() => installPlaybackHook(), []);

  return (
    <section className={`packet-dock${hasRun ? ' packet-dock--open' : ''}`} aria-label="Packets">
      <div className="packet-dock__bar">
        <TrafficControl />
        <PlaybackControls />
      </div>
      <div className="packet-dock__line">
        <div className="packet-dock__status" role="status" aria-live="polite">
          {status === 'running' && 'Running the lab…'}
          {status === 'error' && <span className="packet-dock__error">{error}</span>}
          {status === 'ready' && run && (
            <span>
              <strong>
                {run.request.kind === 'ping' ? 'ping' : 'traceroute'} {run.target} from {run.request.source}:
              </strong>{' '}
              <code>{run.summary.join('  ')}</code>
            </span>
          )}
          {status === 'idle' && 'Pick a source and a destination, then Ping: every hop of every packet appears here.'}
        </div>
        <Legend />
        <CompareButton />
      </div>
      {hasRun && (
        <div className="packet-dock__body">
          <EventList />
          <Inspector />
        </div>
      )}
    </section>
  );
}
