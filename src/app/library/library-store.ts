// The open library lab: which built-in lab it is, how many hints are showing, the last Check.
// Session state: never in the lab document, undo or autosave.
import { create } from 'zustand';
import type { GoalOutcome } from '../../lab/goal';

export type CheckState = { status: 'idle' } | { status: 'running' } | { status: 'done'; outcome: GoalOutcome } | { status: 'error'; message: string };

interface LibraryState {
  activeId: string | null;
  hintsShown: number;
  check: CheckState;
  open: (id: string) => void;
  close: () => void;
  showHint: () => void;
  setCheck: (check: CheckState) => void;
}

export const useLibrary = create<LibraryState>()((set) => ({
  activeId: null,
  hintsShown: 0,
  check: { status: 'idle' },
  open: (activeId) => set({ activeId, hintsShown: 0, check: { status: 'idle' } }),
  close: () => set({ activeId: null, hintsShown: 0, check: { status: 'idle' } }),
  showHint: () => set((s) => ({ hintsShown: s.hintsShown + 1 })),
  setCheck: (check) => set({ check }),
}));
