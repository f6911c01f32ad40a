// While presenting or embedded, the whole lab stays in view: when the stage changes size (the
// packet dock opens, the projector's window or the course page's iframe is resized), fit again.
import { useEffect } from 'react';
import { useSession } from '../state/session-store';

export function useFitOnStageResize(): void {
  useEffect(() => {
    const stage = document.querySelector('.stage');
    if (!stage || typeof ResizeObserver === 'undefined') return;
    let last = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const size = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
      if (size === last) return;
      last = size;
      clearTimeout(timer);
      timer = setTimeout(() => useSession.getState().requestFit(), 120);
    });
    observer.observe(stage);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, []);
}
