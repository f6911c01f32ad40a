// A command's syntax is declared as a short string, IOS documentation style:
//   'ip address <ipv4:address> <ipv4:mask> [secondary]:secondary'
//   'tunnel mode {gre ip|gre multipoint|ipsec ipv4}:mode'
//   'ospf <1-65535:pid>'   'description <line:text>'   'tunnel source <if:iface>'
// [...] is optional, {a|b} one of, `:name` after a group captures the keywords chosen in it.
// compileSyntax expands a declaration into every linear sequence of elements it allows, which
// the grammar merges into one trie per mode.

export type ParamType =
  | { t: 'ipv4' }
  | { t: 'word' }
  | { t: 'line' }
  | { t: 'if' }
  | { t: 'int'; min: number; max: number };

export type Element =
  | { kind: 'kw'; word: string; capture?: string }
  | { kind: 'param'; type: ParamType; name: string };

type Group = { kind: 'seq'; items: Node[] } | { kind: 'opt'; body: Node; capture?: string } | { kind: 'alt'; options: Node[]; capture?: string };
type Node = Element | Group;

function tokenize(s: string): string[] {
  const out: string[] = [];
  const re = /\s*(<[^>]+>|[[\]{}|]|:[A-Za-z][\w-]*|[^\s[\]{}|<>]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[1]) out.push(m[1]);
  }
  return out;
}

function parseParam(tok: string): Element {
  const inner = tok.slice(1, -1);
  const colon = inner.lastIndexOf(':');
  const typeText = colon >= 0 ? inner.slice(0, colon) : inner;
  const name = colon >= 0 ? inner.slice(colon + 1) : inner;
  let type: ParamType;
  const range = /^(\d+)-(\d+)$/.exec(typeText);
  if (range) type = { t: 'int', min: Number(range[1]), max: Number(range[2]) };
  else if (typeText === 'ipv4' || typeText === 'word' || typeText === 'line' || typeText === 'if') type = { t: typeText };
  else throw new Error(`bad parameter type in syntax: ${tok}`);
  return { kind: 'param', type, name };
}

function parseSeq(toks: string[], pos: { i: number }, stop: string[]): Group {
  const items: Node[] = [];
  while (pos.i < toks.length && !stop.includes(toks[pos.i]!)) {
    const tok = toks[pos.i++]!;
    if (tok === '[') {
      const body = parseSeq(toks, pos, [']']);
      pos.i++;
      items.push({ kind: 'opt', body, capture: takeCapture(toks, pos) });
    } else if (tok === '{') {
      const options: Node[] = [];
      for (;;) {
        options.push(parseSeq(toks, pos, ['|', '}']));
        if (toks[pos.i++] === '}') break;
      }
      items.push({ kind: 'alt', options, capture: takeCapture(toks, pos) });
    } else if (tok.startsWith('<')) items.push(parseParam(tok));
    else items.push({ kind: 'kw', word: tok });
  }
  return { kind: 'seq', items };
}

function takeCapture(toks: string[], pos: { i: number }): string | undefined {
  const t = toks[pos.i];
  if (t && t.startsWith(':')) {
    pos.i++;
    return t.slice(1);
  }
  return undefined;
}

function expand(node: Node, capture?: string): Element[][] {
  switch (node.kind) {
    case 'kw':
      return [[capture ? { ...node, capture } : node]];
    case 'param':
      return [[node]];
    case 'seq': {
      let acc: Element[][] = [[]];
      for (const item of node.items) {
        const tails = expand(item, capture);
        acc = acc.flatMap((head) => tails.map((tail) => [...head, ...tail]));
      }
      return acc;
    }
    case 'opt':
      return [[], ...expand(node.body, node.capture ?? capture)];
    case 'alt':
      return node.options.flatMap((o) => expand(o, node.capture ?? capture));
  }
}

/** Every linear element sequence a syntax declaration allows. */
export function compileSyntax(syntax: string): Element[][] {
  const toks = tokenize(syntax);
  const pos = { i: 0 };
  const seq = parseSeq(toks, pos, []);
  if (pos.i !== toks.length) throw new Error(`bad syntax: ${syntax}`);
  return expand(seq);
}

/** How `?` shows a parameter: A.B.C.D, WORD, LINE, <1-65535>. */
export function paramLabel(type: ParamType): string {
  switch (type.t) {
    case 'ipv4':
      return 'A.B.C.D';
    case 'word':
      return 'WORD';
    case 'line':
      return 'LINE';
    case 'if':
      return 'INTERFACE';
    case 'int':
      return `<${type.min}-${type.max}>`;
  }
}
