// Opens a lab that came from outside the editor (a file, the library) as one undoable step, the
// way a share link opens: the previous lab stays on the undo stack. A refused lab changes nothing
// and says why on screen.
import { loadWarningNotice } from '../state/load-warnings';
import type { RestoreResult } from '../../lab/types';
import { useLab } from '../state/lab-store';
import { useSession } from '../state/session-store';

export function openRestoredLab(result: RestoreResult, what: string): boolean {
  const session = useSession.getState();
  if (!result.ok) {
    session.notify(`${what} could not be opened. Your current lab is unchanged.`, result.problems);
    return false;
  }
  const done = useLab.getState().dispatch({ type: 'replaceLab', lab: result.lab });
  if (!done.ok) {
    session.notify(`${what} could not be opened. Your current lab is unchanged.`, [{ where: 'lab', message: done.message }]);
    return false;
  }
  const warned = loadWarningNotice(what, result.warnings);
  if (warned) session.notify(warned.title, warned.problems);
  session.select(null);
  session.requestFit();
  session.announce(`Opened ${result.lab.title || 'the lab'}. Undo brings back the previous lab.`);
  return true;
}
