// The header's Present button: large type for a projector, editing chrome hidden.
import { useViewMode } from './mode';

export function PresentButton() {
  const setMode = useViewMode((s) => s.setMode);
  return (
    <button type="button" className="button" onClick={() => setMode('present')} title="Present to a class: large type, no editing, arrow keys step through the packets">
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1.5 2.5h13v8h-13zM8 10.5v3M5 14h6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      Present
    </button>
  );
}
