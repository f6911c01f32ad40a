// The link-state database of one area (RFC 2328 §12, §13.1): LSAs keyed by type, link state ID
// and advertising router, with their age counted from the simulated clock.
import { emitLsa, type Lsa, type LsaHeader } from '../../wire/ospf';
import { SECOND, type SimTime } from '../scheduler';

export const MAX_AGE = 3600;
export const LS_REFRESH_TIME = 1800;
export const MAX_AGE_DIFF = 900;
export const INITIAL_SEQUENCE = 0x80000001 | 0;
export const LS_INFINITY = 0xffffff;

export interface LsaEntry {
  /** Header complete: checksum and length set. */
  lsa: Lsa;
  /** The LSA in wire form (its age field is not kept current: flooding writes the age). */
  bytes: Uint8Array;
  installedAt: SimTime;
}

export interface LsaId {
  lsType: number;
  linkStateId: string;
  advertisingRouter: string;
}

export const lsaKey = (h: LsaId): string => `${h.lsType}|${h.linkStateId}|${h.advertisingRouter}`;

/** An LSA we originate, with checksum and length computed, and its bytes. */
export function completeLsa(lsa: Lsa): { lsa: Lsa; bytes: Uint8Array } {
  const bytes = emitLsa(lsa);
  const h = lsa.header;
  return { lsa: { header: { ...h, checksum: (bytes[16]! << 8) | bytes[17]!, length: bytes.length }, body: lsa.body }, bytes };
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
  private entries = new Map<string, LsaEntry & { order: [number, number, number] }>();
  private sorted?: LsaEntry[];
  /** Bumps on every change, so callers can cache what they derive from the database. */
  version = 0;

  /** `self`: the owning router's ID, whose LSAs are refreshed rather than aged out. */
  constructor(private readonly self = '') {}

  get(id: LsaId): LsaEntry | undefined {
    return this.entries.get(lsaKey(id));
  }

  install(lsa: Lsa, bytes: Uint8Array, now: SimTime): LsaEntry {
    const h = lsa.header;
    const e = { lsa, bytes, installedAt: now, order: [h.lsType, ipNumber(h.linkStateId), ipNumber(h.advertisingRouter)] as [number, number, number] };
    this.entries.set(lsaKey(h), e);
    this.changed();
    this.noteInstalled(e, h.advertisingRouter === this.self ? this.self : '');
    return e;
  }

  remove(id: LsaId): void {
    if (this.entries.delete(lsaKey(id))) {
      this.changed();
      this.deadlineCache = undefined;
    }
  }

  /** Every entry, in a stable order (type, link state ID, advertising router). Do not mutate. */
  all(): readonly LsaEntry[] {
    if (!this.sorted) {
      this.sorted = [...this.entries.values()].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
    }
    return this.sorted;
  }

  get size(): number {
    return this.entries.size;
  }

  private changed(): void {
    this.sorted = undefined;
    this.version++;
  }

  private deadlineCache?: { at: SimTime | undefined; maxAge: boolean };

  /**
   * When an LSA here next needs attention: `self`'s own at LSRefreshTime, others at MaxAge; and
   * whether flushed (MaxAge) LSAs wait for removal. Kept incrementally: an install can only
   * bring the time earlier; `invalidateDeadline` forces a full recomputation (after it fired).
   */
  deadline(self: string = this.self): { at: SimTime | undefined; maxAge: boolean } {
    if (!this.deadlineCache) {
      const d: { at: SimTime | undefined; maxAge: boolean } = { at: undefined, maxAge: false };
      for (const e of this.entries.values()) this.fold(d, e, self);
      this.deadlineCache = d;
    }
    return this.deadlineCache;
  }

  invalidateDeadline(): void {
    this.deadlineCache = undefined;
  }

  private fold(d: { at: SimTime | undefined; maxAge: boolean }, e: LsaEntry, self: string): void {
    const h = e.lsa.header;
    if (h.age >= MAX_AGE) {
      d.maxAge = true;
      return;
    }
    const limit = h.advertisingRouter === self ? LS_REFRESH_TIME : MAX_AGE;
    const at = e.installedAt + (limit - Math.min(h.age, limit)) * SECOND;
    if (d.at === undefined || at < d.at) d.at = at;
  }

  /** After an install: fold the new entry into the cached deadline. */
  noteInstalled(e: LsaEntry, self: string): void {
    if (this.deadlineCache) this.fold(this.deadlineCache, e, self);
  }
}

function ipNumber(a: string): number {
  const p = a.split('.');
  return ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0;
}
