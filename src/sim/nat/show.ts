// `show ip nat translations` as IOS-XE prints it: a header, one line per entry (protocol,
// inside global, inside local, outside local, outside global; address:port for flows, "---"
// for address-only entries), then the total. Parsed by ntc-templates'
// cisco_ios_show_ip_nat_translations.textfsm.
import { formatIp } from '../addr';
import type { NatTranslation } from './table';

const PROTO: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 50: 'esp', 47: 'gre' };

/** One row's five columns. */
export function natTranslationColumns(e: NatTranslation): [string, string, string, string, string] {
  if (e.protocol === undefined) return ['---', formatIp(e.insideGlobal), formatIp(e.insideLocal), '---', '---'];
  const outside = e.outside !== undefined ? `${formatIp(e.outside)}:${e.outsidePort ?? 0}` : '---';
  return [PROTO[e.protocol] ?? String(e.protocol), `${formatIp(e.insideGlobal)}:${e.globalPort ?? 0}`, `${formatIp(e.insideLocal)}:${e.localPort ?? 0}`, outside, outside];
}

/**
 * The table as text, for this folder's tests only (sim may not import console). The console
 * prints with src/console/show/other.ts (formatIpNatTranslations) from natTranslationRows().
 */
export function formatNatTranslations(rows: readonly NatTranslation[]): string {
  const line = (c: readonly string[]) => `${c[0]!.padEnd(4)} ${c[1]!.padEnd(21)} ${c[2]!.padEnd(21)} ${c[3]!.padEnd(21)} ${c[4]}`.trimEnd();
  const out = [line(['Pro', 'Inside global', 'Inside local', 'Outside local', 'Outside global'])];
  for (const r of rows) out.push(line(natTranslationColumns(r)));
  out.push(`Total number of translations: ${rows.length}`);
  return out.join('\n') + '\n';
}

/** One row as the console's `show ip nat translations` formatter takes it (src/console/show/other-types.ts). */
export interface NatTranslationRowData {
  protocol: 'icmp' | 'udp' | 'tcp' | 'esp' | '---';
  insideGlobal: string;
  insideLocal: string;
  outsideLocal: string;
  outsideGlobal: string;
}

export function natTranslationRows(entries: readonly NatTranslation[]): NatTranslationRowData[] {
  return entries.map((e) => {
    const [protocol, insideGlobal, insideLocal, outsideLocal, outsideGlobal] = natTranslationColumns(e);
    return { protocol: protocol as NatTranslationRowData['protocol'], insideGlobal, insideLocal, outsideLocal, outsideGlobal };
  });
}
