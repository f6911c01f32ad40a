// While presenting or embedded, the keyboard must not edit the lab either: undo/redo (which would
// swap in another lab) and delete are stopped before the editor's own key handlers see them.
import { useEffect } from 'react';
import { useReadOnly } from './mode';

export function useReadOnlyKeys(): void {
  const readOnly = useReadOnly();
  useEffect(() => {
    if (!readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      const undoRedo = (e.ctrlKey || e.metaKey) && (key === 'z' || key === 'y');
      const inField = e.target instanceof HTMLElement && e.target.closest('input, textarea, [contenteditable="true"]') !== null;
      if (undoRedo || (!inField && (e.key === 'Delete' || e.key === 'Backspace'))) {
        e.stopImmediatePropagation();
        if (undoRedo) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [readOnly]);
}
