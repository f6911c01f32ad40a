// Shortest path first (RFC 2328 §16.1, §16.1.1, §16.2): Dijkstra over one area's router and
// network LSAs, next hops from the LSAs of directly attached neighbours, then the stub
// networks; inter-area routes from summary LSAs through the ABRs found by the same tree.
import type { Lsa, RouterLink, RouterLsaBody } from '../../wire/ospf';
import { parseIp, prefixFromMask, type Ip } from '../addr';
import type { SimTime } from '../scheduler';
import { ageOf, LS_INFINITY, MAX_AGE, type Lsdb } from './lsdb';

/** IOS `maximum-paths` default. */
export const MAX_PATHS = 4;

export interface NextHop {
  interface: string;
  /** Undefined: the destination is on a network the interface attaches to directly. */
  address?: Ip;
}

export interface SpfRoute {
  network: Ip;
  prefixLength: number;
  cost: number;
  nextHops: NextHop[];
}

export interface AreaSpf {
  /** Routers reached in this area, by router ID: cost and next hops (ABR lookups use these). */
  routers: Map<string, { cost: number; nextHops: NextHop[] }>;
  /** Intra-area networks (transit and stub), best cost per prefix. */
  routes: SpfRoute[];
}

interface Vertex {
  id: string;
  kind: 'router' | 'network';
  /** Router ID, or the network LSA's link state ID (the DR's interface address). */
  key: string;
  lsa: Lsa;
  cost: number;
  nextHops: NextHop[];
  parentIsRoot: boolean;
}

const ip = (s: string): Ip => parseIp(s) ?? 0;

function mergeHops(a: NextHop[], b: NextHop[]): NextHop[] {
  if (a === b) return a;
  const out = [...a];
  for (const h of b) if (!out.some((x) => x.interface === h.interface && x.address === h.address)) out.push(h);
  return out
    .sort((x, y) => (x.address ?? 0) - (y.address ?? 0) || (x.interface < y.interface ? -1 : x.interface > y.interface ? 1 : 0))
    .slice(0, MAX_PATHS);
}

/** Computes the shortest path tree of one area from `self`'s point of view. */
export function runSpf(lsdb: Lsdb, self: string, interfaceByAddress: (addr: Ip) => string | undefined, now: SimTime): AreaSpf {
  const live = (lsa: Lsa | undefined) => lsa;
  const routerLsa = (rid: string): Lsa | undefined => {
    const e = lsdb.get({ lsType: 1, linkStateId: rid, advertisingRouter: rid });
    return e && ageOf(e, now) < MAX_AGE ? live(e.lsa) : undefined;
  };
  // The network LSA is keyed by its DR's interface address; its advertising router is the DR.
  const networks = new Map<string, Lsa>();
  for (const e of lsdb.all()) if (e.lsa.header.lsType === 2 && ageOf(e, now) < MAX_AGE) networks.set(e.lsa.header.linkStateId, e.lsa);
  const networkLsa = (lsid: string): Lsa | undefined => networks.get(lsid);
  const links = (lsa: Lsa): RouterLink[] => (lsa.body as RouterLsaBody).links ?? [];

  const result: AreaSpf = { routers: new Map(), routes: [] };
  const rootLsa = routerLsa(self);
  if (!rootLsa) return result;

  const tree = new Map<string, Vertex>();
  const candidates = new Map<string, Vertex>();
  const root: Vertex = { id: `R:${self}`, kind: 'router', key: self, lsa: rootLsa, cost: 0, nextHops: [], parentIsRoot: false };
  tree.set(root.id, root);
  let v: Vertex | undefined = root;

  while (v) {
    const V: Vertex = v;
    const consider = (w: Omit<Vertex, 'cost' | 'nextHops' | 'parentIsRoot'>, cost: number, hops: NextHop[]) => {
      if (tree.has(w.id)) return;
      const cur = candidates.get(w.id);
      if (!cur || cost < cur.cost) candidates.set(w.id, { ...w, cost, nextHops: hops, parentIsRoot: V === root });
      else if (cost === cur.cost) {
        cur.nextHops = mergeHops(cur.nextHops, hops);
        cur.parentIsRoot ||= V === root;
      }
    };
    if (V.kind === 'router') {
      for (const l of links(V.lsa)) {
        if (l.type === 1) {
          if (tree.has(`R:${l.linkId}`)) continue;
          const w = routerLsa(l.linkId);
          if (!w) continue;
          const back = links(w).filter((x) => x.type === 1 && x.linkId === V.key);
          if (back.length === 0) continue;
          let hops = V.nextHops;
          if (V === root) {
            const ifName = interfaceByAddress(ip(l.linkData));
            if (!ifName) continue;
            // The neighbour's address on this link: its own p2p link back to us carries it.
            hops = [{ interface: ifName, address: ip(back[0]!.linkData) }];
          }
          consider({ id: `R:${l.linkId}`, kind: 'router', key: l.linkId, lsa: w }, V.cost + l.metric, hops);
        } else if (l.type === 2) {
          if (tree.has(`N:${l.linkId}`)) continue;
          const w = networkLsa(l.linkId);
          if (!w || w.body.kind !== 'network' || !w.body.attachedRouters.includes(V.key)) continue;
          let hops = V.nextHops;
          if (V === root) {
            const ifName = interfaceByAddress(ip(l.linkData));
            if (!ifName) continue;
            hops = [{ interface: ifName }];
          }
          consider({ id: `N:${l.linkId}`, kind: 'network', key: l.linkId, lsa: w }, V.cost + l.metric, hops);
        }
      }
    } else if (V.lsa.body.kind === 'network') {
      for (const rid of V.lsa.body.attachedRouters) {
        if (tree.has(`R:${rid}`)) continue;
        const w = routerLsa(rid);
        if (!w) continue;
        const back = links(w).find((x) => x.type === 2 && x.linkId === V.key);
        if (!back) continue;
        // Routers on a network the root attaches to are reached directly at their address there.
        const hops = V.parentIsRoot && V.nextHops.every((h) => h.address === undefined) ? V.nextHops.map((h) => ({ interface: h.interface, address: ip(back.linkData) })) : V.nextHops;
        consider({ id: `R:${rid}`, kind: 'router', key: rid, lsa: w }, V.cost, hops);
      }
    }
    // Next vertex: least cost; networks before routers on a tie (RFC 2328 §16.1 step 3), then by ID.
    let best: Vertex | undefined;
    for (const c of candidates.values()) {
      if (
        !best ||
        c.cost < best.cost ||
        (c.cost === best.cost && c.kind === 'network' && best.kind === 'router') ||
        (c.cost === best.cost && c.kind === best.kind && c.id < best.id)
      )
        best = c;
    }
    if (best) {
      candidates.delete(best.id);
      tree.set(best.id, best);
    }
    v = best;
  }

  const routes = new Map<string, SpfRoute>();
  const offer = (network: Ip, prefixLength: number, cost: number, nextHops: NextHop[]) => {
    if (nextHops.length === 0) return;
    const k = `${network}/${prefixLength}`;
    const cur = routes.get(k);
    if (!cur || cost < cur.cost) routes.set(k, { network, prefixLength, cost, nextHops });
    else if (cost === cur.cost) cur.nextHops = mergeHops(cur.nextHops, nextHops);
  };
  for (const t of tree.values()) {
    if (t.kind === 'router') {
      if (t !== root) result.routers.set(t.key, { cost: t.cost, nextHops: t.nextHops });
      if (t === root) continue; // our own networks are connected routes
      for (const l of links(t.lsa)) {
        if (l.type !== 3) continue;
        const mask = ip(l.linkData);
        const len = prefixFromMask(mask);
        if (len === undefined) continue;
        offer((ip(l.linkId) & mask) >>> 0, len, t.cost + l.metric, t.nextHops);
      }
    } else if (t.lsa.body.kind === 'network') {
      // A transit network we attach to is connected; others are reached through the tree.
      if (t.nextHops.every((h) => h.address === undefined)) continue;
      const mask = ip(t.lsa.body.networkMask);
      const len = prefixFromMask(mask);
      if (len !== undefined) offer((ip(t.key) & mask) >>> 0, len, t.cost, t.nextHops);
    }
  }
  result.routes = [...routes.values()].sort((a, b) => a.network - b.network || a.prefixLength - b.prefixLength);
  return result;
}

/**
 * Inter-area routes (§16.2) from the type-3 summary LSAs of one area: each reached through the
 * ABR that originated it, at the ABR's cost plus the advertised metric. Prefixes already known
 * intra-area are skipped (intra-area routes are always preferred).
 */
export function interAreaRoutes(lsdb: Lsdb, self: string, spf: AreaSpf, intra: ReadonlySet<string>, now: SimTime): SpfRoute[] {
  const routes = new Map<string, SpfRoute>();
  for (const e of lsdb.all()) {
    const h = e.lsa.header;
    if (h.lsType !== 3 || h.advertisingRouter === self || ageOf(e, now) >= MAX_AGE) continue;
    if (e.lsa.body.kind !== 'summary' || e.lsa.body.metric >= LS_INFINITY) continue;
    const abr = spf.routers.get(h.advertisingRouter);
    if (!abr) continue;
    const mask = ip(e.lsa.body.networkMask);
    const len = prefixFromMask(mask);
    if (len === undefined) continue;
    const network = (ip(h.linkStateId) & mask) >>> 0;
    const k = `${network}/${len}`;
    if (intra.has(k)) continue;
    const cost = abr.cost + e.lsa.body.metric;
    const cur = routes.get(k);
    if (!cur || cost < cur.cost) routes.set(k, { network, prefixLength: len, cost, nextHops: abr.nextHops });
    else if (cost === cur.cost) cur.nextHops = mergeHops(cur.nextHops, abr.nextHops);
  }
  return [...routes.values()];
}
