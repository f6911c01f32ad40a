// The top bar while presenting to a class: the lab's title in large type, how to step through
// the packets, and the way back to editing. Arrow keys step through the packet events anywhere
// on the page (the canvas included: nothing is editable while presenting), Escape leaves.
import { useEffect } from 'react';
import { useLab } from '../state/lab-store';
import { useFitOnStageResize } from './fit-on-resize';
import { useSession } from '../state/session-store';
import { useViewMode } from './mode';
import { stepPlayback } from './step-playback';

export function PresentBar() {
  const title = useLab((s) => s.lab.title);
  const setMode = useViewMode((s) => s.setMode);
  usePresentKeys(() => setMode('edit'));
  useFitOnStageResize();
  return (
    <header className="present-bar">
      <h1 className="present-bar__title">{title || 'Untitled lab'}</h1>
      <p className="present-bar__hint" id="present-keys">
        <kbd>←</kbd> <kbd>→</kbd> step through the packets · <kbd>Esc</kbd> stop presenting
      </p>
      <button type="button" className="button" onClick={() => setMode('edit')} aria-keyshortcuts="Escape" aria-describedby="present-keys">
        Stop presenting
      </button>
    </header>
  );
}

function usePresentKeys(exit: () => void): void {
  useEffect(() => {
    useSession.getState().select(null);
    useSession.getState().requestFit();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      if (e.key === 'Escape') {
        exit();
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        // Captured before the canvas and the playback keys see it, so one press is one step.
        if (!stepPlayback(e.key === 'ArrowRight' ? 1 : -1)) return;
      } else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      useSession.getState().requestFit();
    };
  }, [exit]);
}
