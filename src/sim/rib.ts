// The IPv4 routing table (RIB). Route sources (connected, static, and later OSPF through
// `setSourceRoutes`) offer candidate routes; per prefix the lowest administrative distance wins,
// as on IOS, and equal candidates are all kept (shown as several "via" lines). Lookups are
// longest-prefix match; next hops resolve recursively.
import { type Ip, formatIp, maskFromPrefix, networkOf } from './addr';

/** IOS route codes as `show ip route` prints them. */
export type RouteCode = 'C' | 'L' | 'S' | 'O' | 'O IA' | 'O E1' | 'O E2' | 'B';

export interface Route {
  network: Ip;
  prefixLength: number;
  code: RouteCode;
  /** Administrative distance: connected 0, static 1, OSPF 110. */
  distance: number;
  metric: number;
  /** Next-hop address, when the route names one. */
  nextHop?: Ip;
  /** Outgoing interface, when the route names one (connected routes always do). */
  interface?: string;
  /** Which source offered it: "connected", "static", "ospf", ... */
  source: string;
  /** Simulated time the route was installed (OSPF shows its age). */
  installedAt?: number;
}

/** Where a packet goes: out of `interface`, to the link-layer neighbour `nextHop`. */
export interface Resolution {
  interface: string;
  /** The address to ARP for: the next hop, or the destination itself on a connected network. */
  nextHop: Ip;
  /** The route that matched the destination (first step of any recursion). */
  route: Route;
}

/** Destinations whose resolution is remembered between table changes. */
const RESOLVE_CACHE_SIZE = 4096;

const key = (net: Ip, len: number): number => net * 64 + len;

export const prefixText = (r: Pick<Route, 'network' | 'prefixLength'>): string => `${formatIp(r.network)}/${r.prefixLength}`;

export class Rib {
  private sources = new Map<string, Route[]>();
  /** Installed routes per prefix length, then per network. */
  private byLength: Array<Map<number, Route[]>> = Array.from({ length: 33 }, () => new Map());
  private lengthsInUse: number[] = [];
  /** Bumps on every change, so caches (tunnel state, show output) know to refresh. */
  version = 0;

  /** Replace every route offered by one source, then re-select. */
  setSourceRoutes(source: string, routes: Route[]): void {
    const next = routes.map((r) => ({ ...r, network: networkOf(r.network, r.prefixLength), source }));
    // Devices re-offer their connected and static routes on every state evaluation; when nothing
    // changed, the table (and its version, which caches watch) stays as it is.
    const cur = this.sources.get(source);
    if (cur && sameRouteLists(cur, next)) return;
    this.sources.set(source, next);
    this.rebuild();
  }

  sourceRoutes(source: string): readonly Route[] {
    return this.sources.get(source) ?? [];
  }

  private rebuild(): void {
    const best = new Map<number, Route[]>();
    for (const routes of this.sources.values()) {
      for (const r of routes) {
        const k = key(r.network, r.prefixLength);
        const cur = best.get(k);
        if (!cur || r.distance < cur[0]!.distance) best.set(k, [r]);
        else if (r.distance === cur[0]!.distance && !cur.some((c) => sameRoute(c, r))) cur.push(r);
      }
    }
    this.byLength = Array.from({ length: 33 }, () => new Map());
    for (const list of best.values()) {
      const r = list[0]!;
      this.byLength[r.prefixLength]!.set(r.network, list);
    }
    this.resolved.clear();
    this.lengthsInUse = [];
    for (let l = 32; l >= 0; l--) if (this.byLength[l]!.size > 0) this.lengthsInUse.push(l);
    this.version++;
  }

  /** Every installed route, in the order `show ip route` lists them (by network, then length). */
  routes(): Route[] {
    const out: Route[] = [];
    for (let l = 0; l <= 32; l++) for (const list of this.byLength[l]!.values()) out.push(...list);
    return out.sort((a, b) => a.network - b.network || a.prefixLength - b.prefixLength);
  }

  /** Longest-prefix match; `exclude` skips routes (tunnel recursion checks). */
  lookup(dst: Ip, exclude?: (r: Route) => boolean): Route[] | undefined {
    for (const len of this.lengthsInUse) {
      const list = this.byLength[len]!.get((dst & maskFromPrefix(len)) >>> 0);
      if (!list) continue;
      const usable = exclude ? list.filter((r) => !exclude(r)) : list;
      if (usable.length > 0) return usable;
    }
    return undefined;
  }

  /**
   * Resolves a destination to an outgoing interface and neighbour, following next hops
   * recursively (a static route to a next hop uses whatever route reaches that next hop).
   */
  resolve(dst: Ip, exclude?: (r: Route) => boolean, depth = 0): Resolution | undefined {
    if (exclude === undefined && depth === 0) {
      // Per-destination cache, emptied whenever the table changes (rebuild): every packet of a
      // flow asks the same question.
      const hit = this.resolved.get(dst);
      if (hit !== undefined) return hit ?? undefined;
      const r = this.resolveUncached(dst, undefined, 0);
      if (this.resolved.size >= RESOLVE_CACHE_SIZE) this.resolved.clear();
      this.resolved.set(dst, r ?? null);
      return r;
    }
    return this.resolveUncached(dst, exclude, depth);
  }

  private resolved = new Map<Ip, Resolution | null>();

  private resolveUncached(dst: Ip, exclude: ((r: Route) => boolean) | undefined, depth: number): Resolution | undefined {
    if (depth > 8) return undefined;
    const found = this.lookup(dst, exclude);
    if (!found) return undefined;
    const r = found[0]!;
    if (r.interface !== undefined) {
      return { interface: r.interface, nextHop: r.nextHop ?? dst, route: r };
    }
    if (r.nextHop === undefined) return undefined;
    const via = this.resolveUncached(r.nextHop, exclude, depth + 1);
    if (!via) return undefined;
    // The link-layer neighbour is the next hop itself when it sits on a connected network.
    return { interface: via.interface, nextHop: via.nextHop, route: r };
  }
}

function sameRoute(a: Route, b: Route): boolean {
  return a.nextHop === b.nextHop && a.interface === b.interface && a.code === b.code;
}

function sameRouteLists(a: readonly Route[], b: readonly Route[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFields(a[i]!, b[i]!)) return false;
  return true;
}

/** Every own field equal (routes are flat records). */
function sameFields(a: Route, b: Route): boolean {
  const ka = Object.keys(a) as (keyof Route)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}
