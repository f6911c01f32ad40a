// Hands a finished run to the packet view, whether it came from the Ping form or a console.
import { usePlayback, type PlaybackRun } from '../playback/playback-store';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import type { TraceRecord } from '../../sim';

export function showRun(run: PlaybackRun, records: TraceRecord[]): void {
  const opening = usePlayback.getState().timeline === null;
  usePlayback.getState().load(run, records, useLab.getState().lab.links, { autoplay: true });
  // The dock grows on the first run and the canvas shrinks: fit the lab into what is left.
  if (opening) useSession.getState().requestFit();
}
