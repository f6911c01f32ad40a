// What the OSPF diagnostics print, as plain data read from one engine: `show ip ospf`,
// `show ip ospf interface [brief]` and `show ip ospf database`. The console lays these out as
// IOS does (src/console/show/ospf.ts); nothing here formats a line.
import type { InterfaceConfig, OspfProcess } from '../../ios/model';
import { formatIp, parseIp, prefixFromMask } from '../addr';
import { SECOND, type SimTime } from '../scheduler';
import { DEFAULT_HELLO, DEFAULT_DEAD_FACTOR, DEFAULT_PRIORITY, interfaceCost, isPassive, networkKind, networkMatches, orderedNetworks, RXMT_INTERVAL, type OspfLinkState, type OspfNetworkKind } from './config';
import { ageOf, type LsaEntry, type Lsdb } from './lsdb';
import { hms, RANK, type Iface, type InterfaceState } from './types';

/** The engine state the views read (OspfEngine.viewSource()); never changed through it. */
export interface OspfViewSource {
  processId: number;
  routerId?: string;
  process: OspfProcess;
  interfaceConfigs: readonly InterfaceConfig[];
  links: ReadonlyMap<string, OspfLinkState>;
  ifaces: ReadonlyMap<string, Iface>;
  areas: ReadonlyMap<string, Lsdb>;
  spfRuns: number;
  lastSpfAt?: SimTime;
  startedAt?: SimTime;
  spfDelay: SimTime;
  spfHold: SimTime;
}

/** One OSPF interface, for `show ip ospf interface` and its brief form. */
export interface OspfInterfaceView {
  /** Full interface name (Tunnel0). */
  name: string;
  processId: number;
  routerId: string;
  /** The area as configured ("0", "0.0.0.1"). */
  area: string;
  address: string;
  prefixLength: number;
  networkType: OspfNetworkKind;
  cost: number;
  /** DOWN when the interface is covered by a network statement but not usable (line protocol down, shutdown). */
  state: InterfaceState;
  priority: number;
  helloInterval: number;
  deadInterval: number;
  retransmitInterval: number;
  passive: boolean;
  /** "00:00:03" until the next hello; absent when none is scheduled (passive, loopback, down). */
  helloDue?: string;
  dr?: { routerId: string; address: string };
  bdr?: { routerId: string; address: string };
  /** Neighbours seen in 2-Way or beyond. */
  neighborCount: number;
  /** Neighbours in Full state. */
  adjacentCount: number;
  adjacent: { routerId: string; role?: 'DR' | 'BDR' }[];
}

export interface OspfLsaRow {
  linkId: string;
  advRouter: string;
  /** Seconds, at most MaxAge (3600). */
  age: number;
  /** Unsigned sequence number (0x80000001 ...). */
  sequence: number;
  checksum: number;
  /** Router LSAs only: how many links it describes. */
  linkCount?: number;
}

/** One area's database: what `show ip ospf database` lists under it. */
export interface OspfAreaDatabase {
  area: string;
  router: OspfLsaRow[];
  network: OspfLsaRow[];
  summary: OspfLsaRow[];
}

export interface OspfDatabaseView {
  processId: number;
  routerId: string;
  areas: OspfAreaDatabase[];
}

export interface OspfAreaSummary {
  area: string;
  interfaces: number;
  loopbacks: number;
  spfRuns: number;
  /** Time since the last SPF, "00:04:41.108"; absent before the first run. */
  lastSpfAgo?: string;
  lsaCount: number;
  /** Sum of the LSA checksums, as IOS adds them up. */
  checksumSum: number;
}

/** `show ip ospf`: the process and its areas. */
export interface OspfProcessView {
  processId: number;
  routerId: string;
  /** "00:00:00.000": when the process started, on the device's clock. */
  startTime: string;
  /** "00:05:12.456": how long it has run. */
  elapsed: string;
  isAbr: boolean;
  spfDelayMs: number;
  spfHoldMs: number;
  referenceBandwidthMbps: number;
  areas: OspfAreaSummary[];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "00:05:12.456" for simulated microseconds (hours not wrapped). */
export function hmsMillis(us: SimTime): string {
  const ms = Math.max(0, Math.floor(us / 1000));
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${pad(ms % 1000, 3)}`;
}

/** IOS orders areas by ID: the backbone first. */
const byAreaId = (a: string, b: string): number => areaNumber(a) - areaNumber(b);
function areaNumber(area: string): number {
  return /^\d+$/.test(area) ? Number(area) : (parseIp(area) ?? 0);
}

/** The routers at the DR/BDR addresses of a broadcast interface. */
function electedRouter(src: OspfViewSource, i: Iface, addr: number): { routerId: string; address: string } | undefined {
  if (!addr) return undefined;
  if (addr === i.setup.address) return { routerId: src.routerId ?? '0.0.0.0', address: formatIp(addr) };
  for (const n of i.neighbors.values()) if (n.address === addr) return { routerId: n.routerId, address: formatIp(addr) };
  return { routerId: formatIp(addr), address: formatIp(addr) };
}

function activeView(src: OspfViewSource, i: Iface, now: SimTime): OspfInterfaceView {
  const s = i.setup;
  const nbrs = [...i.neighbors.values()].sort((a, b) => b.rid - a.rid);
  const full = nbrs.filter((n) => n.state === 'FULL');
  const view: OspfInterfaceView = {
    name: s.name,
    processId: src.processId,
    routerId: src.routerId ?? '0.0.0.0',
    area: s.area,
    address: formatIp(s.address),
    prefixLength: s.prefixLength,
    networkType: s.kind,
    cost: s.cost,
    state: i.state,
    priority: s.priority,
    helloInterval: s.helloInterval,
    deadInterval: s.deadInterval,
    retransmitInterval: RXMT_INTERVAL,
    passive: s.passive,
    neighborCount: nbrs.filter((n) => RANK[n.state] >= RANK['2WAY']).length,
    adjacentCount: full.length,
    adjacent: full.map((n) => ({ routerId: n.routerId, ...(s.kind === 'broadcast' && n.address === i.dr ? { role: 'DR' as const } : s.kind === 'broadcast' && n.address === i.bdr ? { role: 'BDR' as const } : {}) })),
  };
  if (i.nextHelloAt !== undefined && !s.passive) view.helloDue = hms(Math.max(0, i.nextHelloAt - now) + SECOND - 1);
  const dr = s.kind === 'broadcast' ? electedRouter(src, i, i.dr) : undefined;
  const bdr = s.kind === 'broadcast' ? electedRouter(src, i, i.bdr) : undefined;
  if (dr) view.dr = dr;
  if (bdr) view.bdr = bdr;
  return view;
}

/** An interface a network statement covers whose line protocol is down (or shut): IOS lists it in state DOWN. */
function downView(src: OspfViewSource, ic: InterfaceConfig): OspfInterfaceView | undefined {
  if (!ic.ipAddress) return undefined;
  const address = parseIp(ic.ipAddress.address);
  const mask = parseIp(ic.ipAddress.mask);
  if (address === undefined || mask === undefined) return undefined;
  const net = orderedNetworks(src.process.networks).find((n) => networkMatches(n, address));
  if (!net) return undefined;
  const hello = ic.ospfHelloInterval ?? DEFAULT_HELLO;
  const prefixLength = prefixFromMask(mask) ?? 32;
  return {
    name: ic.name,
    processId: src.processId,
    routerId: src.routerId ?? '0.0.0.0',
    area: net.area,
    address: ic.ipAddress.address,
    prefixLength,
    networkType: networkKind(ic),
    cost: interfaceCost(ic.name, src.links.get(ic.name)?.bandwidthKbit, ic.ospfCost),
    state: 'DOWN',
    priority: DEFAULT_PRIORITY,
    helloInterval: hello,
    deadInterval: ic.ospfDeadInterval ?? hello * DEFAULT_DEAD_FACTOR,
    retransmitInterval: RXMT_INTERVAL,
    passive: isPassive(src.process, ic.name),
    neighborCount: 0,
    adjacentCount: 0,
    adjacent: [],
  };
}

/** Every interface of the process, in configuration order, down ones included. */
export function interfaceViews(src: OspfViewSource, now: SimTime): OspfInterfaceView[] {
  const out: OspfInterfaceView[] = [];
  for (const ic of src.interfaceConfigs) {
    const i = src.ifaces.get(ic.name);
    const v = i ? activeView(src, i, now) : downView(src, ic);
    if (v) out.push(v);
  }
  return out;
}

function lsaRow(e: LsaEntry, now: SimTime): OspfLsaRow {
  const h = e.lsa.header;
  const row: OspfLsaRow = { linkId: h.linkStateId, advRouter: h.advertisingRouter, age: ageOf(e, now), sequence: h.sequence >>> 0, checksum: h.checksum ?? 0 };
  if (e.lsa.body.kind === 'router') row.linkCount = e.lsa.body.links.length;
  return row;
}

/** The areas this process has interfaces in, by configured name and dotted ID. */
function attachedAreas(src: OspfViewSource): { area: string; id: string }[] {
  const seen = new Map<string, string>();
  for (const i of src.ifaces.values()) if (!seen.has(formatIp(i.setup.areaId))) seen.set(formatIp(i.setup.areaId), i.setup.area);
  return [...seen].map(([id, area]) => ({ area, id })).sort((a, b) => byAreaId(a.area, b.area));
}

export function databaseView(src: OspfViewSource, now: SimTime): OspfDatabaseView {
  const areas: OspfAreaDatabase[] = [];
  for (const { area, id } of attachedAreas(src)) {
    const db = src.areas.get(id);
    if (!db) continue;
    const rows = { area, router: [] as OspfLsaRow[], network: [] as OspfLsaRow[], summary: [] as OspfLsaRow[] };
    for (const e of db.all()) {
      const t = e.lsa.header.lsType;
      if (t === 1) rows.router.push(lsaRow(e, now));
      else if (t === 2) rows.network.push(lsaRow(e, now));
      else if (t === 3) rows.summary.push(lsaRow(e, now));
    }
    areas.push(rows);
  }
  return { processId: src.processId, routerId: src.routerId ?? '0.0.0.0', areas };
}

export function processView(src: OspfViewSource, now: SimTime): OspfProcessView {
  const areas: OspfAreaSummary[] = attachedAreas(src).map(({ area, id }) => {
    const ifs = [...src.ifaces.values()].filter((i) => formatIp(i.setup.areaId) === id);
    const db = src.areas.get(id);
    let sum = 0;
    for (const e of db?.all() ?? []) sum += e.lsa.header.checksum ?? 0;
    const a: OspfAreaSummary = {
      area,
      interfaces: ifs.length,
      loopbacks: ifs.filter((i) => i.setup.kind === 'loopback').length,
      spfRuns: src.spfRuns,
      lsaCount: db?.size ?? 0,
      checksumSum: sum,
    };
    if (src.lastSpfAt !== undefined) a.lastSpfAgo = hmsMillis(now - src.lastSpfAt);
    return a;
  });
  const started = src.startedAt ?? now;
  return {
    processId: src.processId,
    routerId: src.routerId ?? '0.0.0.0',
    startTime: hmsMillis(started),
    elapsed: hmsMillis(now - started),
    isAbr: areas.length > 1,
    spfDelayMs: src.spfDelay / 1000,
    spfHoldMs: src.spfHold / 1000,
    referenceBandwidthMbps: 100,
    areas,
  };
}
