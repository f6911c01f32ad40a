// The app's one document store. It starts on the built-in lab; startup() then replaces it with
// the share link or the autosave, in that order of precedence.
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { createDocumentStore } from './document-store';

export const useLab = createDocumentStore(DEFAULT_LAB);
