// `show access-lists` / `show ip access-lists`, from the configuration (match counters when the
// engine supplies them).
import { aclEntryText, type AccessList } from '../../ios';

export function formatAccessLists(lists: readonly AccessList[], matches: (list: string, index: number) => number = () => 0): string {
  const out: string[] = [];
  for (const l of lists) {
    out.push(`${l.kind === 'standard' ? 'Standard' : 'Extended'} IP access list ${l.name}`);
    let seq = 0;
    l.entries.forEach((e, i) => {
      if ('remark' in e) return;
      seq += 10;
      let text: string;
      if (l.kind === 'standard' && e.source.kind === 'net') text = `${e.action} ${e.source.address}, wildcard bits ${e.source.wildcard}`;
      else text = `${e.action} ${aclEntryText(e, l.kind)}`;
      const n = matches(l.name, i);
      out.push(`    ${seq} ${text}${n > 0 ? ` (${n} match${n === 1 ? '' : 'es'})` : ''}`);
    });
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
