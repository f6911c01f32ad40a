// Runs IOS configuration lines against a device's model exactly as the console's configuration
// mode does: each line resolves in the current sub-mode (falling back to global configuration,
// as IOS does), applies through src/ios applyAction, and may enter a sub-mode. The forms use it,
// so a form change and the same lines typed at the console give the same model and the same
// error text, caret included.
import {
  applyAction,
  cloneConfig,
  resolveConfigLine,
  type ConfigMode,
  type IosConfig,
  type MatchOutcome,
  type ModeContext,
} from '../../ios';

export const INVALID_INPUT = "% Invalid input detected at '^' marker.";

export type ScriptResult =
  | { ok: true; config: IosConfig; notes: string[] }
  | {
      ok: false;
      /** The line that failed, as typed. */
      line: string;
      /** What the console prints for it: the prompt and line, then IOS's message (caret under the bad word). */
      transcript: string;
      /** IOS's message alone (first line of it). */
      message: string;
    };

type Failure = Exclude<MatchOutcome, { ok: true }>;

export function configPrompt(hostname: string, mode: ConfigMode): string {
  return `${hostname}(${mode})#`;
}

/** The error text the console prints for a failed match (see src/console session.ts). */
export function failureText(prompt: string, line: string, m: Failure): string {
  switch (m.kind) {
    case 'invalid':
      return `${' '.repeat(prompt.length + m.at)}^\n${INVALID_INPUT}`;
    case 'incomplete':
      return '% Incomplete command.';
    case 'ambiguous':
      return `% Ambiguous command:  "${line.slice(0, m.upto).trim()}"`;
    case 'empty':
      return '';
  }
}

/** Runs `lines` from global configuration mode on a copy of `config`; the first failure stops it. */
export function runConfigScript(config: IosConfig, lines: readonly string[]): ScriptResult {
  const model = cloneConfig(config);
  let mode: ConfigMode = 'config';
  let context: ModeContext = {};
  const notes: string[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const prompt = configPrompt(model.hostname, mode);
    let r = resolveConfigLine(mode, context, line);
    if (!r.ok && mode !== 'config') {
      const global = resolveConfigLine('config', {}, line);
      if (global.ok) {
        r = global;
        mode = 'config';
        context = {};
      } else if (failsLater(global, r)) r = global;
    }
    if (!r.ok) {
      const text = failureText(prompt, line, r);
      return { ok: false, line, transcript: `${prompt}${line}\n${text}`, message: text.split('\n').find((l) => l.startsWith('%')) ?? text };
    }
    const action = r.action;
    if (action.cmd === 'mode.exit') {
      mode = 'config';
      context = {};
      continue;
    }
    if (action.cmd === 'mode.end' || action.cmd === 'mode.do') continue;
    const res = applyAction(model, action);
    if (res.error) return { ok: false, line, transcript: `${prompt}${line}\n${res.error}`, message: res.error };
    if (res.notes) notes.push(...res.notes);
    if (res.enter) {
      mode = res.enter.mode;
      context = res.enter.context;
    }
  }
  return { ok: true, config: model, notes };
}

/** The console reports whichever failure got further along the line. */
function failsLater(a: MatchOutcome, b: MatchOutcome): boolean {
  if (a.ok || b.ok) return false;
  const pos = (m: Failure): number => (m.kind === 'invalid' ? m.at : m.kind === 'ambiguous' ? m.upto : m.kind === 'incomplete' ? 1e9 : -1);
  return pos(a) > pos(b);
}

/** The word under IOS's caret in a console error (`PROMPT+line`, then the caret line), if any. */
export function badWord(transcript: string): string | null {
  const [cmd, caret] = transcript.split('\n');
  const at = caret?.indexOf('^') ?? -1;
  if (!cmd || at < 0 || !/^\s*\^\s*$/.test(caret!)) return null;
  return cmd.slice(at).split(/\s+/)[0] || null;
}
