// The link-state database of one area (RFC 2328 §12, §13.1): LSAs keyed by type, link state ID
// and advertising router, with their age counted from the simulated clock.
import { completeLsaHeader, type Lsa, type LsaHeader } from '../../wire/ospf';
import { SECOND, type SimTime } from '../scheduler';

export const MAX_AGE = 3600;
export const LS_REFRESH_TIME = 1800;
export const MAX_AGE_DIFF = 900;
export const INITIAL_SEQUENCE = 0x80000001 | 0;
export const LS_INFINITY = 0xffffff;

export interface LsaEntry {
  /** Header complete: checksum and length set. */
  lsa: Lsa;
  installedAt: SimTime;
}

export interface LsaId {
  lsType: number;
  linkStateId: string;
  advertisingRouter: string;
}

export const lsaKey = (h: LsaId): string => `${h.lsType}|${h.linkStateId}|${h.advertisingRouter}`;

/** The LSA with checksum and length computed (what the database stores and floods). */
export function completeLsa(lsa: Lsa): Lsa {
  return { header: completeLsaHeader(lsa), body: lsa.body };
}

export function ageOf(e: LsaEntry, now: SimTime): number {
  return Math.min(MAX_AGE, e.lsa.header.age + Math.floor((now - e.installedAt) / SECOND));
}

/** The header as it stands now (age advanced). */
export function headerAt(e: LsaEntry, now: SimTime): LsaHeader {
  return { ...e.lsa.header, age: ageOf(e, now) };
}

/** RFC 2328 §13.1: > 0 when `a` is the more recent instance, < 0 when `b` is, 0 when the same. */
export function compareInstances(a: LsaHeader, b: LsaHeader): number {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence ? 1 : -1;
  const ca = a.checksum ?? 0;
  const cb = b.checksum ?? 0;
  if (ca !== cb) return ca > cb ? 1 : -1;
  const aMax = a.age >= MAX_AGE;
  const bMax = b.age >= MAX_AGE;
  if (aMax !== bMax) return aMax ? 1 : -1;
  if (Math.abs(a.age - b.age) > MAX_AGE_DIFF) return a.age < b.age ? 1 : -1;
  return 0;
}

export class Lsdb {
  private entries = new Map<string, LsaEntry>();

  get(id: LsaId): LsaEntry | undefined {
    return this.entries.get(lsaKey(id));
  }

  install(lsa: Lsa, now: SimTime): LsaEntry {
    const e = { lsa, installedAt: now };
    this.entries.set(lsaKey(lsa.header), e);
    return e;
  }

  remove(id: LsaId): void {
    this.entries.delete(lsaKey(id));
  }

  /** Every entry, in a stable order (type, link state ID, advertising router). */
  all(): LsaEntry[] {
    return [...this.entries.values()].sort(
      (a, b) =>
        a.lsa.header.lsType - b.lsa.header.lsType ||
        cmpIp(a.lsa.header.linkStateId, b.lsa.header.linkStateId) ||
        cmpIp(a.lsa.header.advertisingRouter, b.lsa.header.advertisingRouter),
    );
  }

  get size(): number {
    return this.entries.size;
  }
}

function cmpIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
