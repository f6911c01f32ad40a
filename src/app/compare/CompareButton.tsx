// The header button that opens the compare view (loaded on first use: it builds ESP packets).
import { lazy, Suspense } from 'react';
import { usePlayback } from '../playback/playback-store';

const CompareView = lazy(() => import('./CompareView'));

export function CompareButton() {
  const open = usePlayback((s) => s.compareOpen);
  const setOpen = usePlayback((s) => s.setCompareOpen);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} title="The same packet under every encapsulation, byte for byte">
        Compare encapsulations
      </button>
      {open && (
        <Suspense fallback={null}>
          <CompareView onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
