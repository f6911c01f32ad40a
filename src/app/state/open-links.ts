// Startup and share links: chooses the first lab (link > autosave > built-in), and opens a
// #lab= link pasted while the app runs. A link, once read, is removed from the address bar, so
// a reload shows the autosave of the user's edits rather than the link's original lab.
import { readLabFragment } from '../../lab/link';
import { useLab } from './lab-store';
import { useSession } from './session-store';
import { loadWarningNotice } from './load-warnings';
import { AUTOSAVE_KEY, chooseStartupLab } from './startup';

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
}

function clearFragment(): void {
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function openStartupLab(): void {
  const choice = chooseStartupLab({ hash: window.location.hash, stored: readStorage() });
  useLab.getState().reset(choice.lab, choice.past);
  for (const n of choice.notices) useSession.getState().notify(n.title, n.problems);
  clearFragment();
}

/** A link pasted into the address bar of an open app: loaded as an undoable replaceLab. */
export function listenForLinks(onOpened: () => void): () => void {
  const onHash = () => {
    const result = readLabFragment(window.location.hash);
    if (result === null) return;
    clearFragment();
    if (!result.ok) {
      useSession.getState().notify('The lab in this link could not be opened. Your current lab is unchanged.', result.problems);
      return;
    }
    useLab.getState().dispatch({ type: 'replaceLab', lab: result.lab });
    const warned = loadWarningNotice('The lab in this link', result.warnings);
    if (warned) useSession.getState().notify(warned.title, warned.problems);
    useSession.getState().select(null);
    onOpened();
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
