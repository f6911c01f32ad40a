// Small text helpers for IOS column layouts.

export const padEnd = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
export const padStart = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** 52:54:00:12:34:56 -> 5254.0012.3456 (IOS dotted form); dotted input is returned as is. */
export function dottedMac(mac: string): string {
  if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(mac)) return mac.toLowerCase();
  const hex = mac.replace(/[^0-9a-fA-F]/g, '').toLowerCase().padStart(12, '0');
  return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8, 12)}`;
}

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** IOS uptime style: 00:05:45 under a day, then 1d02h, then 2w0d. */
export function iosDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }
  const d = Math.floor(s / 86400);
  if (d < 7) return `${d}d${String(Math.floor((s % 86400) / 3600)).padStart(2, '0')}h`;
  return `${Math.floor(d / 7)}w${d % 7}d`;
}
