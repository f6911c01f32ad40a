// `show ip interface brief`, column for column as IOS prints it (trailing spaces included).
import { padEnd } from './format-utils';
import type { InterfaceStatus } from './types';

export function formatIpInterfaceBrief(rows: readonly InterfaceStatus[]): string {
  const line = (name: string, ip: string, ok: string, method: string, status: string, protocol: string): string =>
    `${padEnd(name, 22)} ${padEnd(ip, 15)} ${padEnd(ok, 3)} ${padEnd(method, 6)} ${padEnd(status, 21)} ${protocol}`;
  const out = [line('Interface', 'IP-Address', 'OK?', 'Method', 'Status', 'Protocol')];
  for (const r of rows) out.push(line(r.name, r.ipAddress ?? 'unassigned', 'YES', r.method, r.status, padEnd(r.protocol, 8)));
  return out.join('\n') + '\n';
}
