// A read-only window into the document for end-to-end tests: a JSON snapshot and the history
// depth. Nothing here can change the lab.
import { useLab } from './lab-store';

export interface TunnelscopeTestHook {
  labJson(): string;
  history(): { undo: number; redo: number };
  /** Hashes of the engine's output for a seed, to compare with Node's (loaded on first use). */
  engineFingerprint(seed: number): Promise<{ lab: string; frames: number; sha256: string }[]>;
}

export function installTestHook(): void {
  const hook: TunnelscopeTestHook = Object.freeze({
    labJson: () => JSON.stringify(useLab.getState().lab),
    history: () => ({ undo: useLab.getState().past.length, redo: useLab.getState().future.length }),
    engineFingerprint: async (seed: number) => (await import('../determinism/fingerprint')).engineFingerprint(seed),
  });
  Object.defineProperty(window, '__tunnelscope', { value: hook, writable: false, configurable: false });
}
