// One IOS console session on one device: modes and prompts, the command line (through the
// shared grammar), `?` help, Tab completion, history, and IOS's error messages. A transcript
// line is PROMPT + line + "\n" + output, exactly as the app shows it.
import {
  checkAction,
  configGrammar,
  resolveConfigLine,
  tokenizeLine,
  type ConfigMode,
  type Grammar,
  type HelpEntry,
  type MatchOutcome,
  type ModeContext,
} from '../ios';
import type { ConsoleDevice } from './device';
import { InvalidArgument } from './errors';
import { applyFilter, splitFilter } from './output-filter';
import { execGrammar, type ExecContext, type ExecData } from './exec-grammar';
import { padEnd } from './show/format-utils';

export type ExecLevel = 'user' | 'priv';

export interface ConsoleState {
  level: ExecLevel;
  /** Set while in configuration mode. */
  config?: { mode: ConfigMode; context: ModeContext };
}

export interface ConsoleResult {
  output: string;
}

export interface Console {
  prompt(): string;
  execute(line: string): ConsoleResult;
  /** Tab: the words the last (partial) word may complete to. */
  complete(line: string): string[];
  /** The line with its last word completed when exactly one word fits (IOS Tab), else as given. */
  completeLine(line: string): string;
  /** `?` after `line`: the IOS help listing. */
  help(line: string): string;
  history(): string[];
  state(): ConsoleState;
}

export interface ConsoleOptions {
  /** Start in privileged EXEC (the headless command does) instead of user EXEC. */
  privileged?: boolean;
}

/** IOS prompt suffixes of the configuration sub-modes. */
export function modePrompt(mode: ConfigMode): string {
  return `(${mode})#`;
}

export const INVALID = "% Invalid input detected at '^' marker.";

const FILTER_HELP: HelpEntry[] = [
  { word: 'begin', help: 'Begin with the line that matches' },
  { word: 'count', help: 'Count number of lines which match regexp' },
  { word: 'exclude', help: 'Exclude lines that match' },
  { word: 'include', help: 'Include lines that match' },
  { word: 'section', help: 'Filter a section of output' },
];

const DEBUG_NAMES: Record<string, string> = {
  'crypto isakmp': 'Crypto ISAKMP debugging is on',
  'crypto ipsec': 'Crypto IPSEC debugging is on',
  'ip ospf adj': 'OSPF adjacency debugging is on',
  'ip ospf events': 'OSPF events debugging is on',
  'ip ospf hello': 'OSPF hello debugging is on',
  'ip icmp': 'ICMP packet debugging is on',
  'ip packet': 'IP packet debugging is on',
  'ip nat': 'IP NAT debugging is on',
};


export function createConsole(device: ConsoleDevice, opts: ConsoleOptions = {}): Console {
  const st: ConsoleState = { level: opts.privileged ? 'priv' : 'user' };
  const hist: string[] = [];
  const debugs = new Set<string>();

  const hostname = (): string => device.config().hostname;
  const prompt = (): string => {
    if (st.config) {
      const { mode, context } = st.config;
      // A subinterface (Gi0/0.100) has its own prompt.
      const suffix = mode === 'config' ? '(config)#' : mode === 'config-if' && context.interface?.includes('.') ? '(config-subif)#' : modePrompt(mode);
      return `${hostname()}${suffix}`;
    }
    return `${hostname()}${st.level === 'priv' ? '#' : '>'}`;
  };

  const ctx: ExecContext = {
    device,
    session: {
      setLevel: (level) => {
        st.level = level;
        delete st.config;
      },
      enterConfig: () => {
        st.config = { mode: 'config', context: {} };
      },
      history: () => [...hist],
      debug: (what, on) => {
        device.debug?.(what, on);
        if (!on && what !== 'all') {
          debugs.delete(what);
          return '';
        }
        if (!on) {
          debugs.clear();
          return 'All possible debugging has been turned off\n';
        }
        debugs.add(what);
        return `${DEBUG_NAMES[what] ?? `${what} debugging is on`}\n`;
      },
      debugging: () => {
        // `show debugging`: grouped as IOS groups them.
        const crypto = [...debugs].filter((d) => d.startsWith('crypto')).map((d) => `  ${DEBUG_NAMES[d]}`);
        const ip = [...debugs].filter((d) => d.startsWith('ip')).map((d) => `  ${DEBUG_NAMES[d]}`);
        return [...(ip.length ? ['IP routing:', ...ip] : []), ...(crypto.length ? ['Cryptographic Subsystem:', ...crypto] : [])].map((l) => `${l}\n`).join('');
      },
    },
  };

  /** The error text IOS prints for a failed match; `offset` shifts the caret (for `do`). */
  function errorText(line: string, m: Exclude<MatchOutcome, { ok: true }>, promptLen: number, offset = 0): string {
    switch (m.kind) {
      case 'invalid':
        return `${' '.repeat(promptLen + offset + m.at)}^\n${INVALID}\n\n`;
      case 'incomplete':
        return '% Incomplete command.\n\n';
      case 'ambiguous':
        return `% Ambiguous command:  "${line.slice(offset, m.upto).trim()}"\n`;
      case 'empty':
        return '';
    }
  }

  function runExec(full: string, promptLen: number, offset: number): string {
    const split = splitFilter(full);
    if ('error' in split) return split.error === 'incomplete' ? '% Incomplete command.\n\n' : `${' '.repeat(promptLen + split.at)}^\n${INVALID}\n\n`;
    const r = runExecCommand(split.command, promptLen, offset);
    // IOS checks the command before the pipe and reports its error (caret and all) unfiltered.
    return split.filter && !r.error ? applyFilter(r.output, split.filter) : r.output;
  }

  function runExecCommand(line: string, promptLen: number, offset: number): { output: string; error: boolean } {
    const g = execGrammar(st.config ? 'priv' : st.level);
    const m = g.match(line.slice(offset));
    if (!m.ok) {
      const toks = tokenizeLine(line.slice(offset));
      if (m.kind === 'invalid' && toks.length === 1 && m.at === toks[0]!.start && !st.config) {
        return { output: '% Unknown command or computer name, or unable to find computer address\n', error: true };
      }
      return { output: errorText(line, m, promptLen, offset), error: true };
    }
    try {
      return { output: (m.rule.data as ExecData).run(ctx, m.args), error: false };
    } catch (e) {
      if (e instanceof InvalidArgument) return { output: `${' '.repeat(promptLen + offset + (m.at[e.word] ?? 0))}^\n${INVALID}\n\n`, error: true };
      throw e;
    }
  }

  function endConfig(): string {
    delete st.config;
    st.level = 'priv';
    device.log('%SYS-5-CONFIG_I: Configured from console by console');
    return '';
  }

  function runConfig(line: string, promptLen: number): string {
    const cfg = st.config!;
    let r = resolveConfigLine(cfg.mode, cfg.context, line);
    // A global command typed in a sub-mode leaves the sub-mode and runs there (IOS does this).
    if (!r.ok && cfg.mode !== 'config') {
      const g = resolveConfigLine('config', {}, line);
      if (g.ok) {
        r = g;
        st.config = { mode: 'config', context: {} };
      } else if (betterFailure(g, r)) r = g;
    }
    if (!r.ok) return errorText(line, r, promptLen);
    const action = r.action;
    switch (action.cmd) {
      case 'mode.exit':
        if (st.config!.mode === 'config') return endConfig();
        st.config = { mode: 'config', context: {} };
        return '';
      case 'mode.end':
        return endConfig();
      case 'mode.do': {
        const tokens = tokenizeLine(line);
        return runExec(line, promptLen, tokens[1]?.start ?? line.length);
      }
    }
    const refused = checkAction(device.config(), action);
    if (refused) return `${refused}\n`;
    const res = device.configure(action);
    const out: string[] = [];
    if (res.notes) out.push(...res.notes);
    if (res.error) out.push(res.error);
    else if (res.enter) st.config = { mode: res.enter.mode, context: res.enter.context };
    return out.length ? out.join('\n') + '\n' : '';
  }

  function execute(raw: string): ConsoleResult {
    const line = raw.replace(/\r?\n$/, '');
    if (line.trimEnd().endsWith('?')) return { output: help(line.replace(/\?\s*$/, '')) };
    if (!line.trim()) return { output: drain('') };
    hist.push(line);
    if (hist.length > 20) hist.shift();
    const promptLen = prompt().length;
    const out = st.config ? runConfig(line, promptLen) : runExec(line, promptLen, 0);
    return { output: drain(out) };
  }

  function drain(out: string): string {
    const logs = device.drainConsole();
    return logs.length ? out + logs.map((l) => `${l}\n`).join('') : out;
  }

  function grammarsHere(): Grammar[] {
    if (!st.config) return [execGrammar(st.level)];
    return st.config.mode === 'config' ? [configGrammar('config')] : [configGrammar(st.config.mode), configGrammar('config')];
  }

  function help(line: string): string {
    const bar = /\s\|\s*(\S*)$/.exec(line);
    if (bar && !st.config) {
      const entries = FILTER_HELP.filter((e) => e.word.startsWith(bar[1]!.toLowerCase()));
      return entries.length ? formatHelp(entries, bar[1] !== '') : '% Unrecognized command\n';
    }
    // `do ...` in config mode gets the exec help.
    const doMatch = st.config ? /^\s*do\s+(.*)$/i.exec(line) : null;
    const g = doMatch ? execGrammar('priv') : grammarsHere()[0]!;
    const r = g.help(doMatch ? doMatch[1]! : line);
    if ('ok' in r) {
      const offset = doMatch ? line.length - doMatch[1]!.length : 0;
      return r.ok ? '' : errorText(line, r, prompt().length, offset);
    }
    if (r.entries.length === 0) return r.partial ? '% Unrecognized command\n' : `${' '.repeat(prompt().length + line.length)}^\n${INVALID}\n\n`;
    return formatHelp(r.entries, r.partial);
  }

  function complete(line: string): string[] {
    const doMatch = st.config ? /^\s*do\s+(.*)$/i.exec(line) : null;
    if (doMatch) return execGrammar('priv').complete(doMatch[1]!);
    return grammarsHere()[0]!.complete(line);
  }

  return {
    prompt,
    execute,
    complete,
    completeLine(line: string): string {
      const words = complete(line);
      if (words.length !== 1 || /\s$/.test(line)) return line;
      const m = /(\S+)$/.exec(line);
      return m ? `${line.slice(0, m.index)}${words[0]} ` : line;
    },
    help,
    history: () => [...hist],
    state: () => structuredClone(st),
  };
}

function betterFailure(a: MatchOutcome, b: MatchOutcome): boolean {
  if (a.ok || b.ok) return false;
  const pos = (m: Exclude<MatchOutcome, { ok: true }>): number => (m.kind === 'invalid' ? m.at : m.kind === 'ambiguous' ? m.upto : m.kind === 'incomplete' ? 1e9 : -1);
  return pos(a) > pos(b);
}

/** IOS `?` layout: keyword column padded to the longest word, two spaces, help. */
export function formatHelp(entries: HelpEntry[], partial: boolean): string {
  if (partial) return `${entries.map((e) => e.word).join('  ')}  \n\n`;
  const width = Math.max(...entries.map((e) => e.word.length));
  return entries.map((e) => `  ${padEnd(e.word, width)}  ${e.help}`.trimEnd() + '\n').join('') + '\n';
}
