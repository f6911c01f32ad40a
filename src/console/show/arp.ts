// `show arp` (same table as `show ip arp`).
import { dottedMac, padEnd, padStart } from './format-utils';
import type { ArpRow } from './types';

export function formatArp(rows: readonly ArpRow[]): string {
  const out = ['Protocol  Address          Age (min)  Hardware Addr   Type   Interface'];
  for (const r of rows) {
    out.push(`Internet  ${padEnd(r.address, 16)} ${padStart(r.ageMinutes === undefined ? '-' : String(r.ageMinutes), 8)}   ${padEnd(dottedMac(r.mac), 14)}  ARPA   ${r.interface}`);
  }
  return out.join('\n') + '\n';
}
