// Saves the lab to localStorage after every document change (debounced), and once more when the
// page is hidden so a reload never loses the last edit.
import type { DocumentStore } from './document-store';
import { AUTOSAVE_KEY } from './startup';

const DEBOUNCE_MS = 250;

export function startAutosave(store: DocumentStore, storage: Storage = window.localStorage): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    pending = false;
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(store.getState().lab));
    } catch {
      // Storage full or disabled (private mode): the lab keeps working, it just is not saved.
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.lab === previous.lab) return;
    pending = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
