// The ARP cache of one device. IOS keeps entries 4 hours (`arp timeout 14400`). An entry that is
// still being resolved is "incomplete": IOS drops the packet that triggered the request (so the
// first ping to a new neighbour shows `.`) and re-sends the request at most once a second.
import type { Ip } from './addr';
import type { SimTime } from './scheduler';
import { SECOND } from './scheduler';

export const ARP_TIMEOUT: SimTime = 14_400 * SECOND;
export const ARP_RETRY: SimTime = 1 * SECOND;
export const ARP_INCOMPLETE_LIFETIME: SimTime = 2 * SECOND;

export interface ArpEntry {
  ip: Ip;
  /** Colon form; undefined while incomplete. */
  mac?: string;
  iface: string;
  /** When it was learned or last refreshed (the Age column). */
  updated: SimTime;
  /** Interface addresses of the device itself: never age out, Age "-". */
  local: boolean;
  /** Last time a request went out for an incomplete entry. */
  requestedAt?: SimTime;
}

export class ArpCache {
  private entries = new Map<Ip, ArpEntry>();

  constructor(readonly timeout: SimTime = ARP_TIMEOUT) {}

  lookup(ip: Ip, now: SimTime): ArpEntry | undefined {
    const e = this.entries.get(ip);
    if (!e) return undefined;
    if (!e.local && e.mac && now - e.updated >= this.timeout) {
      this.entries.delete(ip);
      return undefined;
    }
    if (!e.mac && e.requestedAt !== undefined && now - e.requestedAt >= ARP_INCOMPLETE_LIFETIME) {
      this.entries.delete(ip);
      return undefined;
    }
    return e;
  }

  learn(ip: Ip, mac: string, iface: string, now: SimTime): void {
    this.entries.set(ip, { ip, mac, iface, updated: now, local: false });
  }

  /** Refreshes an existing entry only (RFC 826: update when present). Returns true if present. */
  refresh(ip: Ip, mac: string, iface: string, now: SimTime): boolean {
    const e = this.entries.get(ip);
    if (!e || e.local) return false;
    this.learn(ip, mac, iface, now);
    return true;
  }

  setLocal(ip: Ip, mac: string, iface: string): void {
    this.entries.set(ip, { ip, mac, iface, updated: 0, local: true });
  }

  markRequested(ip: Ip, iface: string, now: SimTime): void {
    const e = this.entries.get(ip);
    if (e && e.mac) return;
    this.entries.set(ip, { ip, iface, updated: now, local: false, requestedAt: now });
  }

  /** Drops entries learned on an interface (it went down or changed address). */
  flushInterface(iface: string): void {
    for (const [k, e] of this.entries) if (e.iface === iface) this.entries.delete(k);
  }

  clear(): void {
    for (const [k, e] of this.entries) if (!e.local) this.entries.delete(k);
  }

  /** Complete entries, by address, as `show arp` lists them. */
  list(now: SimTime): ArpEntry[] {
    return [...this.entries.keys()]
      .map((k) => this.lookup(k, now))
      .filter((e): e is ArpEntry => e !== undefined && e.mac !== undefined)
      .sort((x, y) => x.ip - y.ip);
  }
}
