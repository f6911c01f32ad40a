// The header's Library button, and the goal card of an open library lab. Both load on first use:
// the library's labs and the engine behind Check are not needed for the first paint.
import { lazy, Suspense, useState } from 'react';
import { useLibrary } from './library-store';

const LibraryDialog = lazy(() => import('./LibraryDialog'));
const GoalCard = lazy(() => import('./GoalCard'));

export function LibraryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} title="Built-in labs and challenges">
        <BookGlyph /> Library
      </button>
      {open && (
        <Suspense fallback={null}>
          <LibraryDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/** Shown over the canvas while a library lab is open. */
export function LibraryGoal() {
  const active = useLibrary((s) => s.activeId);
  if (!active) return null;
  return (
    <Suspense fallback={null}>
      <GoalCard id={active} />
    </Suspense>
  );
}

function BookGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M2 2.5h4.5A1.5 1.5 0 018 4v9.5a1.5 1.5 0 00-1.5-1.5H2zM14 2.5H9.5A1.5 1.5 0 008 4v9.5a1.5 1.5 0 011.5-1.5H14z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
