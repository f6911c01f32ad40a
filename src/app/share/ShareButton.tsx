// The header's Share button. The dialog (link, QR code, files, picture) loads on first use.
import { lazy, Suspense, useState } from 'react';

const ShareDialog = lazy(() => import('./ShareDialog'));

export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} title="Share link, QR code, lab file and picture">
        <ShareGlyph /> Share
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

function ShareGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="12" cy="3.5" r="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="4" cy="8" r="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="12" cy="12.5" r="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5.8 7l4.4-2.5M5.8 9l4.4 2.5" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
