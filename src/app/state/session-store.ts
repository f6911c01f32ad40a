// The session store: what the user is looking at, not what the lab is. Selection, the open
// context menu and the messages on screen live here, so they never enter the undo history or
// the autosave.
import { create } from 'zustand';
import type { LabProblem } from '../../lab/types';

export type Selection =
  | { kind: 'device'; name: string }
  | { kind: 'link'; index: number }
  | null;

export interface Notice {
  id: number;
  title: string;
  problems: LabProblem[];
}

export interface ContextMenuState {
  x: number;
  y: number;
  target: Exclude<Selection, null>;
}

export interface ViewportState {
  x: number;
  y: number;
  zoom: number;
}

interface SessionState {
  selection: Selection;
  /** Where the canvas was last panned and zoomed to (kept for panels and later features). */
  viewport: ViewportState | null;
  setViewport: (viewport: ViewportState) => void;
  notices: Notice[];
  contextMenu: ContextMenuState | null;
  /** Bumped to ask the canvas to fit the whole lab in view (after a new lab opens). */
  fitRequest: number;
  requestFit: () => void;
  select: (selection: Selection) => void;
  notify: (title: string, problems: LabProblem[]) => void;
  dismiss: (id: number) => void;
  openContextMenu: (menu: ContextMenuState | null) => void;
  /** The last edit, in words, for screen readers (a polite live region reads it out). */
  announcement: string;
  announce: (text: string) => void;
}

let nextNoticeId = 1;

export const useSession = create<SessionState>()((set) => ({
  selection: null,
  viewport: null,
  setViewport: (viewport) => set({ viewport }),
  notices: [],
  contextMenu: null,
  fitRequest: 0,
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
  select: (selection) => set({ selection }),
  notify: (title, problems) => set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, title, problems }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  openContextMenu: (contextMenu) => set({ contextMenu }),
  announcement: '',
  // A repeated message must still change the text, or the live region would stay silent.
  announce: (text) => set((s) => ({ announcement: s.announcement === text ? `${text}\u00a0` : text })),
}));
