// The command matcher shared by the config-file parser and the interactive console: one trie per
// mode built from declared rules, IOS unique-prefix matching, `no` forms, and the answers the
// console needs (`?` help, Tab completion, the caret position of invalid input).
import { INTERFACE_TYPES, normalizeInterfaceName, resolveInterfaceType } from '../interface-names';
import { compileSyntax, paramLabel, type Element, type ParamType } from './syntax';

export interface RuleSpec<C = unknown> {
  /** Stable id of the command: the action's `cmd`. */
  cmd: string;
  syntax: string;
  /** Help text for keywords and parameters of this rule, by keyword or parameter name. */
  help?: Record<string, string>;
  /** Elements a `no` form needs before <cr> is accepted (default: the leading keywords). */
  noMin?: number;
  /** False: the command has no `no` form. */
  negatable?: boolean;
  /** Extra per-rule data for whoever interprets the match (the applier, the exec runner). */
  data?: C;
}

interface TrieEdge {
  elem: Element;
  help: string;
  node: TrieNode;
}

interface TrieNode {
  edges: TrieEdge[];
  /** Edges by element key, for building. */
  index: Map<string, TrieEdge>;
  /** Rules that may end here (IOS shows `<cr>`). */
  ends: RuleSpec[];
  /** Rules whose path passes here, with this node's depth, for `no` forms. */
  through: { rule: RuleSpec; depth: number }[];
}

export interface Token {
  text: string;
  start: number;
}

export function tokenizeLine(line: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], start: m.index });
  return out;
}

export type MatchOutcome =
  | { ok: true; rule: RuleSpec; args: Record<string, string>; no: boolean; /** Where each parameter's text starts in the line. */ at: Record<string, number> }
  | { ok: false; kind: 'invalid'; at: number }
  | { ok: false; kind: 'incomplete' }
  | { ok: false; kind: 'ambiguous'; upto: number }
  | { ok: false; kind: 'empty' };

export interface HelpEntry {
  word: string;
  help: string;
}

const elemKey = (e: Element): string => (e.kind === 'kw' ? `k ${e.word} ${e.capture ?? ''}` : `p ${e.name} ${JSON.stringify(e.type)}`);
const newNode = (): TrieNode => ({ edges: [], index: new Map(), ends: [], through: [] });

const PARAM_ORDER: Record<ParamType['t'], number> = { ipv4: 0, int: 1, if: 2, word: 3, line: 4 };

/** One mode's commands. `noKeyword` adds the `no` prefix (config modes). */
export class Grammar {
  readonly root: TrieNode = newNode();
  readonly rules: RuleSpec[] = [];

  constructor(
    readonly mode: string,
    specs: RuleSpec[],
    readonly noKeyword = true,
  ) {
    for (const s of specs) this.add(s);
  }

  add(spec: RuleSpec): void {
    this.rules.push(spec);
    for (const variant of compileSyntax(spec.syntax)) {
      let node = this.root;
      variant.forEach((elem, depth) => {
        const k = elemKey(elem);
        let edge = node.index.get(k);
        if (!edge) {
          const key = elem.kind === 'kw' ? elem.word : elem.name;
          const added: TrieEdge = { elem, help: spec.help?.[key] ?? '', node: newNode() };
          // Keywords first, then parameters by how specific they are (A.B.C.D before WORD).
          const at = node.edges.findIndex((e) => edgeRank(e) > edgeRank(added));
          if (at < 0) node.edges.push(added);
          else node.edges.splice(at, 0, added);
          node.index.set(k, added);
          edge = added;
        } else if (!edge.help) {
          const key = elem.kind === 'kw' ? elem.word : elem.name;
          edge.help = spec.help?.[key] ?? '';
        }
        node = edge.node;
        node.through.push({ rule: spec, depth: depth + 1 });
      });
      if (!node.ends.includes(spec)) node.ends.push(spec);
    }
  }

  /** Matches a whole line. */
  match(line: string): MatchOutcome {
    const tokens = tokenizeLine(line);
    if (tokens.length === 0) return { ok: false, kind: 'empty' };
    let i = 0;
    let no = false;
    if (this.noKeyword && this.isNo(tokens[0]!.text)) {
      no = true;
      i = 1;
      if (tokens.length === 1) return { ok: false, kind: 'incomplete' };
    }
    return this.walk(this.root, tokens, i, line, no, {}, {});
  }

  /** IOS takes `no` only spelled out (`n` is ambiguous with network, ntp, ...). */
  private isNo(text: string): boolean {
    return text.toLowerCase() === 'no';
  }

  private walk(node: TrieNode, tokens: Token[], i: number, line: string, no: boolean, args: Record<string, string>, at: Record<string, number>): MatchOutcome {
    if (i >= tokens.length) {
      const end = node.ends[0];
      if (end && !(no && end.negatable === false)) return { ok: true, rule: end, args, no, at };
      if (no) {
        const partial = node.through.find((t) => t.rule.negatable !== false && t.depth >= noMinOf(t.rule));
        if (partial) return { ok: true, rule: partial.rule, args, no, at };
      }
      return { ok: false, kind: 'incomplete' };
    }
    const tok = tokens[i]!;
    const lower = tok.text.toLowerCase();
    const kws = node.edges.filter((e) => e.elem.kind === 'kw' && e.elem.word.toLowerCase().startsWith(lower));
    const exact = kws.filter((e) => e.elem.kind === 'kw' && e.elem.word.toLowerCase() === lower);
    const chosen = exact.length > 0 ? exact : kws;
    let best: MatchOutcome | undefined;
    if (chosen.length > 1 && new Set(chosen.map((e) => (e.elem as { word: string }).word)).size > 1) {
      return { ok: false, kind: 'ambiguous', upto: tok.start + tok.text.length };
    }
    for (const edge of chosen) {
      const elem = edge.elem as Extract<Element, { kind: 'kw' }>;
      const next = elem.capture ? { ...args, [elem.capture]: args[elem.capture] ? `${args[elem.capture]} ${elem.word}` : elem.word } : args;
      const r = this.walk(edge.node, tokens, i + 1, line, no, next, at);
      if (r.ok) return r;
      best = deeper(best, r);
    }
    if (chosen.length === 0) {
      for (const edge of node.edges) {
        if (edge.elem.kind !== 'param') continue;
        const m = matchParam(edge.elem.type, tokens, i, line);
        if (!m) continue;
        const r = this.walk(edge.node, tokens, i + m.consumed, line, no, { ...args, [edge.elem.name]: m.value }, { ...at, [edge.elem.name]: tok.start });
        if (r.ok) return r;
        best = deeper(best, r);
      }
    }
    return best ?? { ok: false, kind: 'invalid', at: tok.start + badOffset(node, lower) };
  }

  /** The trie node reached by complete tokens, or the failure that stops there. */
  private descend(tokens: Token[], line: string): { node: TrieNode; no: boolean } | MatchOutcome {
    let node = this.root;
    let i = 0;
    let no = false;
    if (this.noKeyword && tokens.length > 0 && tokens[0]!.text.toLowerCase() === 'no') {
      no = true;
      i = 1;
    }
    while (i < tokens.length) {
      const tok = tokens[i]!;
      const lower = tok.text.toLowerCase();
      const kws = node.edges.filter((e) => e.elem.kind === 'kw' && e.elem.word.toLowerCase().startsWith(lower));
      const exact = kws.find((e) => e.elem.kind === 'kw' && e.elem.word.toLowerCase() === lower);
      if (exact || kws.length === 1) {
        node = (exact ?? kws[0]!).node;
        i++;
        continue;
      }
      if (kws.length > 1) return { ok: false, kind: 'ambiguous', upto: tok.start + tok.text.length };
      let moved = false;
      for (const edge of node.edges) {
        if (edge.elem.kind !== 'param') continue;
        const m = matchParam(edge.elem.type, tokens, i, line);
        if (m) {
          node = edge.node;
          i += m.consumed;
          moved = true;
          break;
        }
      }
      if (!moved) return { ok: false, kind: 'invalid', at: tok.start + badOffset(node, lower) };
    }
    return { node, no };
  }

  /**
   * `?` help. `line` is what precedes the `?`: ending in a space (or empty) lists the next words
   * with their help and `<cr>` when the command may end; ending in a partial word lists the
   * keywords it may complete to.
   */
  help(line: string): { entries: HelpEntry[]; partial: boolean } | MatchOutcome {
    const partial = line.length > 0 && !/\s$/.test(line);
    const tokens = tokenizeLine(line);
    const last = partial ? tokens.pop() : undefined;
    const typeHelp = this.interfaceNumberHelp(tokens, line, partial);
    if (typeHelp) return typeHelp;
    const d = this.descend(tokens, line);
    if ('ok' in d) return d;
    const entries: HelpEntry[] = [];
    if (tokens.length === 0 && this.noKeyword && (!last || 'no'.startsWith(last.text.toLowerCase())) && !d.no) {
      entries.push({ word: 'no', help: 'Negate a command or set its defaults' });
    }
    for (const e of d.node.edges) {
      if (e.elem.kind === 'kw') {
        if (!last || e.elem.word.toLowerCase().startsWith(last.text.toLowerCase())) entries.push({ word: e.elem.word, help: e.help });
      } else if (e.elem.type.t === 'if') {
        for (const t of INTERFACE_TYPES) {
          if (!last || t.full.toLowerCase().startsWith(last.text.toLowerCase())) entries.push({ word: t.full, help: t.help });
        }
      } else if (!last) {
        entries.push({ word: paramLabel(e.elem.type), help: e.help });
      }
    }
    if (!partial) {
      const canEnd = d.node.ends.length > 0 || (d.no && d.node.through.some((t) => t.depth >= noMinOf(t.rule)));
      if (canEnd) entries.push({ word: '<cr>', help: '' });
    }
    // IOS lists parameters (A.B.C.D, WORD, <1-65535>) first, then keywords alphabetically, then <cr>.
    const isParam = (w: string): boolean => /^(A\.B\.C\.D|WORD|LINE|<\d)/.test(w);
    const rank = (e: HelpEntry): number => (e.word === '<cr>' ? 2 : isParam(e.word) ? 0 : 1);
    entries.sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? a.word.toLowerCase().localeCompare(b.word.toLowerCase()) : 0));
    return { entries, partial };
  }

  /** `interface Tunnel ?`: a bare interface type where an interface goes asks for its number. */
  private interfaceNumberHelp(tokens: Token[], line: string, partial: boolean): { entries: HelpEntry[]; partial: boolean } | undefined {
    const type = tokens.length > 0 && !partial ? resolveInterfaceType(tokens[tokens.length - 1]!.text) : undefined;
    if (!type || /\d/.test(tokens[tokens.length - 1]!.text)) return undefined;
    const d = this.descend(tokens.slice(0, -1), line);
    if ('ok' in d || !d.node.edges.some((e) => e.elem.kind === 'param' && e.elem.type.t === 'if')) return undefined;
    // IOS's ranges: virtual interfaces have fixed ones (Tunnel <0-2147483647>); physical ones depend on the chassis.
    const range = type.range ? `<${type.range[0]}-${type.range[1]}>` : '<0-15>';
    return { entries: [{ word: range, help: `${type.full} interface number` }], partial: false };
  }

  /** Tab completion: the full keywords the last (partial) word may complete to. */
  complete(line: string): string[] {
    const tokens = tokenizeLine(line);
    const endsInSpace = /\s$/.test(line) || line.length === 0;
    const last = endsInSpace ? undefined : tokens.pop();
    const d = this.descend(tokens, line);
    if ('ok' in d) return [];
    const prefix = (last?.text ?? '').toLowerCase();
    const words: string[] = [];
    if (tokens.length === 0 && this.noKeyword && 'no'.startsWith(prefix) && prefix.length > 0) words.push('no');
    for (const e of d.node.edges) {
      if (e.elem.kind === 'kw' && e.elem.word.toLowerCase().startsWith(prefix)) words.push(e.elem.word);
      if (e.elem.kind === 'param' && e.elem.type.t === 'if' && prefix) {
        const n = normalizeInterfaceName(last!.text);
        if (n) words.push(n);
        else for (const t of INTERFACE_TYPES) if (t.full.toLowerCase().startsWith(prefix)) words.push(t.full);
      }
    }
    return [...new Set(words)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  }
}

/** Words a `no` form needs: the declared count, else the plain keywords before any group or parameter. */
function noMinOf(rule: RuleSpec): number {
  if (rule.noMin !== undefined) return rule.noMin;
  const words = rule.syntax.trim().split(/\s+/);
  let n = 0;
  while (n < words.length && /^[^[{<]/.test(words[n]!)) n++;
  return Math.max(1, n);
}

function edgeRank(e: TrieEdge): number {
  return e.elem.kind === 'kw' ? -1 : PARAM_ORDER[e.elem.type.t];
}

function deeper(a: MatchOutcome | undefined, b: MatchOutcome): MatchOutcome {
  if (!a) return b;
  const pos = (m: MatchOutcome): number => (m.ok ? Infinity : m.kind === 'invalid' ? m.at : m.kind === 'ambiguous' ? m.upto : m.kind === 'incomplete' ? Infinity - 1 : -1);
  return pos(b) > pos(a) ? b : a;
}

/** Offset inside the bad word of the first character no keyword here accepts (IOS caret). */
function badOffset(node: TrieNode, lower: string): number {
  let best = 0;
  for (const e of node.edges) {
    if (e.elem.kind !== 'kw') continue;
    const w = e.elem.word.toLowerCase();
    let k = 0;
    while (k < lower.length && k < w.length && w[k] === lower[k]) k++;
    best = Math.max(best, k);
  }
  return Math.min(best, Math.max(0, lower.length - 1));
}

export function matchParam(type: ParamType, tokens: Token[], i: number, line: string): { consumed: number; value: string } | undefined {
  const tok = tokens[i]!;
  switch (type.t) {
    case 'ipv4':
      return isIpv4(tok.text) ? { consumed: 1, value: tok.text } : undefined;
    case 'word':
      return { consumed: 1, value: tok.text };
    case 'line':
      return { consumed: tokens.length - i, value: line.slice(tok.start).trimEnd() };
    case 'int': {
      if (!/^\d+$/.test(tok.text)) return undefined;
      const n = Number(tok.text);
      return n >= type.min && n <= type.max ? { consumed: 1, value: String(n) } : undefined;
    }
    case 'if': {
      const one = normalizeInterfaceName(tok.text);
      if (one) return { consumed: 1, value: one };
      const next = tokens[i + 1];
      if (next && /^[A-Za-z-]+$/.test(tok.text) && resolveInterfaceType(tok.text)) {
        const two = normalizeInterfaceName(`${tok.text} ${next.text}`);
        if (two) return { consumed: 2, value: two };
      }
      return undefined;
    }
  }
}

export function isIpv4(text: string): boolean {
  const p = text.split('.');
  return p.length === 4 && p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255);
}
