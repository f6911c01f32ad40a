// The document store: the lab itself plus its undo/redo history of whole documents.
// Every change goes through applyAction (actions as data), so the canvas, the side panel and,
// later, the console and forms all change the lab the same way and undo the same way.
import { create } from 'zustand';
import { applyAction, type LabAction } from '../../lab/actions';
import type { LabV1 } from '../../lab/types';

/** Older documents are dropped past this many undo steps, to bound memory. */
export const HISTORY_LIMIT = 200;

export type DispatchResult = { ok: true } | { ok: false; message: string };

export interface DocumentState {
  lab: LabV1;
  past: LabV1[];
  future: LabV1[];
  /** Applies one action as one undo step. */
  dispatch: (action: LabAction) => DispatchResult;
  /** Applies several actions as ONE undo step (a multi-node drag, a multi-delete); all or nothing. */
  dispatchAll: (actions: LabAction[]) => DispatchResult;
  undo: () => void;
  redo: () => void;
  /** Sets the starting document and history (used at startup, not an edit). */
  reset: (lab: LabV1, past?: LabV1[]) => void;
}

export function runActions(lab: LabV1, actions: LabAction[]): { ok: true; lab: LabV1 } | { ok: false; message: string } {
  let next = lab;
  for (const action of actions) {
    const result = applyAction(next, action);
    if (!result.ok) return result;
    next = result.lab;
  }
  return { ok: true, lab: next };
}

export function createDocumentStore(initial: LabV1) {
  return create<DocumentState>()((set, get) => ({
    lab: initial,
    past: [],
    future: [],
    dispatch: (action) => get().dispatchAll([action]),
    dispatchAll: (actions) => {
      const { lab, past } = get();
      const result = runActions(lab, actions);
      if (!result.ok) return result;
      if (result.lab === lab) return { ok: true };
      set({ lab: result.lab, past: [...past, lab].slice(-HISTORY_LIMIT), future: [] });
      return { ok: true };
    },
    undo: () => {
      const { lab, past, future } = get();
      const previous = past[past.length - 1];
      if (previous === undefined) return;
      set({ lab: previous, past: past.slice(0, -1), future: [lab, ...future] });
    },
    redo: () => {
      const { lab, past, future } = get();
      const next = future[0];
      if (next === undefined) return;
      set({ lab: next, past: [...past, lab], future: future.slice(1) });
    },
    reset: (lab, past = []) => set({ lab, past, future: [] }),
  }));
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
