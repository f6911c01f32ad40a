// Following an evidence link: the demonstrating lab goes on the canvas (one undoable replaceLab,
// so Undo brings the learner's lab back), the run goes through the same engine path as the Ping
// control, and playback opens paused on the record that proves the answer. The canvas must show
// the lab that ran: packets animate along its links and the inspector names its devices.
import type { Lab } from '../../lab/types';
import { usePlayback } from '../playback/playback-store';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';
import { runTrafficAsync } from '../traffic/runner';
import { runEvidence, type Evidence } from './evidence';

/** Same devices, configs and links: the evidence can run on the lab already on the canvas. */
export function sameTopology(a: Lab, b: Lab): boolean {
  const key = (l: Lab) =>
    JSON.stringify([l.devices.map((d) => [d.name, d.kind, d.config]).sort(), l.links.map((k) => [k.a, k.b].sort()).sort()]);
  return key(a) === key(b);
}

export function needsLabChange(e: Evidence): boolean {
  return !sameTopology(useLab.getState().lab, e.lab());
}

/** Returns an error message, or null when playback now shows the proving record. */
export async function followEvidence(e: Evidence): Promise<string | null> {
  const session = useSession.getState();
  const target = e.lab();
  if (!sameTopology(useLab.getState().lab, target)) {
    const done = useLab.getState().dispatch({ type: 'replaceLab', lab: target });
    if (!done.ok) return `the lab could not be opened: ${done.message}`;
    session.select(null);
    session.requestFit();
  }
  const lab = useLab.getState().lab;
  const { begin, fail, load } = usePlayback.getState();
  begin();
  const run = await runEvidence({ ...e, lab: () => lab }, runTrafficAsync);
  if (!run.ok) {
    fail(run.error);
    return run.error;
  }
  load({ request: e.request, summary: run.summary, espSa: run.espSa, target: run.target }, run.records, lab.links);
  const playback = usePlayback.getState();
  playback.select(run.index);
  if (e.decrypted) playback.setEspView('decrypted');
  session.requestFit();
  session.announce(`Evidence: ${e.shows}`);
  return null;
}
