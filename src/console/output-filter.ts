// IOS output modifiers: `show ... | include|exclude|begin|section REGEX` and `| count`.
// Unique prefixes work as for every IOS keyword (`| i tunnel`, `| sec crypto`).

export type OutputFilter = { kind: 'include' | 'exclude' | 'begin' | 'section'; pattern: RegExp } | { kind: 'count'; pattern: RegExp };

const KINDS = ['begin', 'count', 'exclude', 'include', 'section'] as const;

/** Splits `cmd | filter regex`; returns the bad position (column of the filter word) on error. */
export function splitFilter(line: string): { command: string; filter?: OutputFilter } | { error: 'invalid' | 'incomplete'; at: number } {
  const bar = line.indexOf(' |');
  if (bar < 0) return { command: line };
  const command = line.slice(0, bar);
  const rest = line.slice(bar + 2);
  const m = /^\s*(\S+)\s*(.*)$/.exec(rest);
  if (!m) return { error: 'incomplete', at: line.length };
  const word = m[1]!.toLowerCase();
  const at = line.length - rest.length + rest.indexOf(m[1]!);
  const hits = KINDS.filter((k) => k.startsWith(word));
  if (hits.length !== 1) return { error: 'invalid', at };
  const kind = hits[0]!;
  const text = m[2]!.trim();
  if (!text && kind !== 'count') return { error: 'incomplete', at: line.length };
  let pattern: RegExp;
  try {
    pattern = new RegExp(text);
  } catch {
    return { error: 'invalid', at: line.length - text.length };
  }
  return { command, filter: { kind, pattern } };
}

export function applyFilter(output: string, f: OutputFilter): string {
  const lines = output.replace(/\n$/, '').split('\n');
  let out: string[];
  switch (f.kind) {
    case 'include':
      out = lines.filter((l) => f.pattern.test(l));
      break;
    case 'exclude':
      out = lines.filter((l) => !f.pattern.test(l));
      break;
    case 'begin': {
      const i = lines.findIndex((l) => f.pattern.test(l));
      out = i < 0 ? [] : lines.slice(i);
      break;
    }
    case 'section': {
      // A top-level line that matches, or whose indented children match, with its children.
      out = [];
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        if (/^\s/.test(l)) continue;
        let j = i + 1;
        while (j < lines.length && /^\s/.test(lines[j]!)) j++;
        const block = lines.slice(i, j);
        if (block.some((b) => f.pattern.test(b))) out.push(...block);
      }
      break;
    }
    case 'count':
      return `Number of lines which match regexp = ${lines.filter((l) => f.pattern.test(l)).length}\n`;
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
