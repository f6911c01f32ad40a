// One step through the packet events of the last run, for presentation mode's arrow keys. The
// playback store is loaded with the packet dock; before any run there is nothing to step.
import { usePlayback } from '../playback/playback-store';

export function stepPlayback(direction: 1 | -1): boolean {
  const s = usePlayback.getState();
  if (!s.timeline) return false;
  s.step(direction);
  return true;
}
