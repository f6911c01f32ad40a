// The top bar: product name, the lab's title, undo/redo and fit.
import { useLab } from '../state/lab-store';
import { redo, undo } from '../state/commands';
import { useSession } from '../state/session-store';
import { useTheme } from '../state/theme';
import { ExportButton } from '../export/ExportDialog';
import { ShareButton } from '../share/ShareButton';
import { LibraryButton } from '../library/LibraryButton';
import { PresentButton } from '../present/PresentButton';

export function Header() {
  const title = useLab((s) => s.lab.title);
  const canUndo = useLab((s) => s.past.length > 0);
  const canRedo = useLab((s) => s.future.length > 0);
  const dark = useTheme((s) => s.theme === 'dark');
  const toggleTheme = useTheme((s) => s.toggle);

  return (
    <header className="header">
      <div className="brand">
        <img src="./favicon.svg" alt="" width={26} height={26} />
        <span className="brand__name">Tunnelscope</span>
      </div>
      <h1 className="header__title" title={title}>
        {title || 'Untitled lab'}
      </h1>
      <div className="toolbar" role="toolbar" aria-label="Edit">
        <button type="button" className="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
          <UndoGlyph /> Undo
        </button>
        <button type="button" className="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z)">
          <UndoGlyph flip /> Redo
        </button>
        <button type="button" className="button" onClick={() => useSession.getState().requestFit()} title="Fit the whole lab in view">
          <FitGlyph /> Fit
        </button>
        <button type="button" className="button" onClick={toggleTheme} aria-pressed={dark} title="Switch between light and dark">
          <ThemeGlyph /> Dark
        </button>
        <ExportButton />
      </div>
      <div className="toolbar" role="toolbar" aria-label="Share and present">
        <LibraryButton />
        <ShareButton />
        <PresentButton />
      </div>
    </header>
  );
}

function UndoGlyph({ flip = false }: { flip?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" style={flip ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5 3L1.5 6.5 5 10M2 6.5h7.5a4 4 0 010 8H7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function FitGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function ThemeGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M13.5 10A6 6 0 016 2.5a6 6 0 107.5 7.5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  );
}
