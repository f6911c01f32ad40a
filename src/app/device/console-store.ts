// Session state of the consoles (never in the document or the undo history): each device's
// scrollback, kept while the lab is open. The sessions themselves (mode, history) live in the
// lazily loaded console engine; this store only holds what is on screen.
import { create } from 'zustand';

/** Scrollback kept per device, in characters (older output scrolls away, as on a terminal). */
export const SCROLLBACK_LIMIT = 200_000;

export interface ConsoleSessionsState {
  transcripts: Record<string, string>;
  /** The prompt each console shows now (`R1#`, `R1(config-if)#`). */
  prompts: Record<string, string>;
  append: (device: string, text: string) => void;
  setPrompt: (device: string, prompt: string) => void;
  clear: (device: string) => void;
  /** The device was renamed: its console moves with it. */
  rename: (from: string, to: string) => void;
  /** Drops the sessions of devices that are gone. */
  keepOnly: (devices: readonly string[]) => void;
}

export function appendScrollback(current: string, text: string, limit = SCROLLBACK_LIMIT): string {
  const next = current + text;
  if (next.length <= limit) return next;
  // Cut at a line start so the first line on screen is whole.
  const cut = next.indexOf('\n', next.length - limit);
  return cut < 0 ? next.slice(next.length - limit) : next.slice(cut + 1);
}

export function createConsoleSessionsStore() {
  return create<ConsoleSessionsState>()((set) => ({
    transcripts: {},
    prompts: {},
    append: (device, text) => set((s) => ({ transcripts: { ...s.transcripts, [device]: appendScrollback(s.transcripts[device] ?? '', text) } })),
    setPrompt: (device, prompt) => set((s) => (s.prompts[device] === prompt ? s : { prompts: { ...s.prompts, [device]: prompt } })),
    rename: (from, to) =>
      set((s) => {
        const move = (r: Record<string, string>) => {
          const { [from]: moved, ...rest } = r;
          return moved === undefined ? rest : { ...rest, [to]: moved };
        };
        return { transcripts: move(s.transcripts), prompts: move(s.prompts) };
      }),
    clear: (device) => set((s) => ({ transcripts: { ...s.transcripts, [device]: '' } })),
    keepOnly: (devices) =>
      set((s) => {
        const keep = new Set(devices);
        const pick = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.has(k)));
        return { transcripts: pick(s.transcripts), prompts: pick(s.prompts) };
      }),
  }));
}

export const useConsoleSessions = createConsoleSessionsStore();
