// Playback keys for the whole page: Space plays or pauses, arrows step, Home restarts. They stay
// out of the way of text fields, menus, buttons (Space presses those) and the canvas, whose
// arrow keys move the selected device.
import { useEffect } from 'react';
import { usePlayback } from './playback-store';

const owned = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], .react-flow, [role="menu"], dialog')) return true;
  return false;
};

export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not e.defaultPrevented: React Flow prevents Space on the document (its pan key) everywhere.
      if (e.ctrlKey || e.metaKey || e.altKey || owned(e.target)) return;
      const s = usePlayback.getState();
      if (!s.timeline) return;
      const onButton = e.target instanceof HTMLElement && e.target.closest('button, summary, a') !== null;
      if (e.key === ' ' && !onButton) s.toggle();
      else if (e.key === 'ArrowRight') s.step(1);
      else if (e.key === 'ArrowLeft') s.step(-1);
      else if (e.key === 'Home' && !onButton) s.restart();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
