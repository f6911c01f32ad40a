// How the app is shown: editing (the default), presenting to a class (large type, editing chrome
// hidden, arrow keys step through packet events), or embedded in a course page (`?embed=1`:
// canvas, Ping and playback only, nothing editable). View state only: never in the lab or undo.
import { create } from 'zustand';

export type ViewMode = 'edit' | 'present' | 'embed';

interface ModeState {
  mode: ViewMode;
  setMode: (mode: ViewMode) => void;
}

/** The mode the page asks for: `?embed=1` embeds (it cannot be left), `?present=1` presents. */
export function modeFromSearch(search: string): ViewMode {
  const params = new URLSearchParams(search);
  const on = (key: string) => params.has(key) && params.get(key) !== '0' && params.get(key) !== 'false';
  if (on('embed')) return 'embed';
  if (on('present')) return 'present';
  return 'edit';
}

export const useViewMode = create<ModeState>()((set, get) => ({
  mode: typeof window === 'undefined' ? 'edit' : modeFromSearch(window.location.search),
  // An embed stays an embed: a course page's iframe must never turn into the editor.
  setMode: (mode) => get().mode !== 'embed' && set({ mode }),
}));

/** True when the lab must not be edited from this view (presentation and embed). */
export const useReadOnly = (): boolean => useViewMode((s) => s.mode !== 'edit');
