// One router's OSPFv2 process (RFC 2328), clock-free and deterministic: the simulation passes
// `now` (simulated microseconds) into every call, delivers received OSPF packets with
// `receive`, calls `tick` at `nextWakeup()`, and collects what to send, what to log and the
// routes for the RIB with `takeOutput()` and `routes()`.
//
// Implemented: hellos and dead timers (mismatch blocks the adjacency), point-to-point (tunnels)
// and broadcast (Ethernet) networks with DR/BDR election and the wait timer, the neighbour state
// machine Down -> Init -> 2-Way -> ExStart -> Exchange -> Loading -> Full, master/slave DBD
// exchange with MTU check, LSR/LSU/LSAck with retransmission, flooding, router / network /
// summary LSAs, SPF with O and O IA routes, ABR summaries, LSA refresh and aging.
// Left out of this engine: authentication, virtual links, stub/NSSA areas, external (type 5) LSAs.
import { shortInterfaceName } from '../../ios/interface-names';
import type { InterfaceConfig, IosConfig, OspfProcess } from '../../ios/model';
import {
  ALL_DROUTERS,
  ALL_SPF_ROUTERS,
  DbdFlags,
  emitOspf,
  emitLsuFromBytes,
  lsaChecksumValid,
  lsuLsaRanges,
  ospfChecksumValid,
  parseLsa,
  parseLsaHeader,
  parseOspf,
  parseOspfHeader,
  type Lsa,
  type LsaHeader,
  type LsaRequest,
  type OspfBody,
  type OspfDbd,
  type OspfHello,
  type RouterLink,
} from '../../wire/ospf';
import { formatIp, parseIp, type Ip } from '../addr';
import type { Route } from '../rib';
import { SECOND, type SimTime } from '../scheduler';
import { chooseRouterId, ospfInterfaces, orderedNetworks, RXMT_INTERVAL, type OspfLinkState } from './config';
import { debugLine, drBdrText, rcvDbdText, sendDbdText, type DebugKind, type OspfDebugFlags } from './debug-lines';
import { electDr } from './dr';
import { networkLsaBody, routerLinks } from './origination';
import { ageOf, compareInstances, completeLsa, headerAt, INITIAL_SEQUENCE, lsaKey, LS_REFRESH_TIME, Lsdb, MAX_AGE, type LsaEntry } from './lsdb';
import { interAreaRoutes, runSpf, type NextHop, type SpfRoute } from './spf';
import type { OspfViewSource } from './views';
import { hms, RANK, type Iface, type InterfaceState, type Neighbor, type NeighborState, type OspfEngineOptions, type OspfNeighborRow, type OspfOutput, type OspfProtocolInfo, type OspfTransmit } from './types';

export type { InterfaceState, NeighborState, OspfEngineOptions, OspfNeighborRow, OspfOutput, OspfProtocolInfo, OspfTransmit };

export const OSPF_DISTANCE = 110;
const OPTIONS = 0x02; // E bit: IOS sets it in normal areas
const ALL_SPF = parseIp(ALL_SPF_ROUTERS)!;
const ALL_DR = parseIp(ALL_DROUTERS)!;
/** IOS flood pacing: LSAs and acknowledgements queued on an interface leave together every 33 ms. */
const PACING = 33_000;
/** MinLSInterval (IOS `timers throttle lsa` hold): one of our LSAs changes at most every 5 s. */
const MIN_LS_INTERVAL = 5 * SECOND;

/** Area IDs in dotted form, the LSDB key; flooding asks for them once per interface per LSA. */
const areaTexts = new Map<number, string>();
function areaText(id: number): string {
  let t = areaTexts.get(id);
  if (t === undefined) areaTexts.set(id, (t = formatIp(id)));
  return t;
}

export class OspfEngine {
  routerId?: string;
  private rid = 0;
  private process: OspfProcess;
  private interfaceConfigs: InterfaceConfig[];
  private links = new Map<string, OspfLinkState>();
  private ifaces = new Map<string, Iface>();
  private areas = new Map<string, Lsdb>();
  private out: OspfOutput = { packets: [], logs: [], notes: [], routesChanged: false };
  private spfDueAt?: SimTime;
  private lastSpfAt?: SimTime;
  /** SPF runs so far and when the process started: `show ip ospf`. */
  private spfRuns = 0;
  private startedAt?: SimTime;
  /**
   * `debug ip ospf hello|adj|events`: while a switch is on, its IOS 15 lines go to the output's
   * log list (the device log, and so the console); off, nothing is made.
   */
  readonly debug: OspfDebugFlags = { hello: false, adj: false, events: false };
  private routeList: Route[] = [];
  private readonly spfDelay: SimTime;
  private readonly spfHold: SimTime;
  /** A deferred origination (MinLSInterval). */
  private originateAt?: SimTime;

  constructor(
    config: Pick<IosConfig, 'interfaces' | 'ospf'>,
    readonly processId: number,
    options: OspfEngineOptions = {},
  ) {
    const proc = config.ospf.find((p) => p.processId === processId);
    if (!proc) throw new Error(`no router ospf ${processId} in the configuration`);
    this.process = proc;
    this.interfaceConfigs = config.interfaces;
    this.spfDelay = options.spfDelay ?? 5 * SECOND;
    this.spfHold = options.spfHold ?? 10 * SECOND;
  }

  // ---- inputs ------------------------------------------------------------------------------

  /** New configuration (router ospf lines, interface addresses, ip ospf settings). */
  configure(config: Pick<IosConfig, 'interfaces' | 'ospf'>, now: SimTime): void {
    const proc = config.ospf.find((p) => p.processId === this.processId);
    if (proc) this.process = proc;
    this.interfaceConfigs = config.interfaces;
    this.refresh(now);
  }

  /** Line protocol and MTU of every interface, from the simulation. Call on any change. */
  setLinks(links: readonly OspfLinkState[], now: SimTime): void {
    this.links = new Map(links.map((l) => [l.name, l]));
    this.refresh(now);
  }

  /** An OSPF packet (IP payload) received on `ifName` from `src` to `dst`. */
  receive(ifName: string, src: Ip, dst: Ip, payload: Uint8Array, now: SimTime): void {
    const i = this.ifaces.get(ifName);
    if (!i || i.setup.passive || i.state === 'LOOPBACK') return;
    const parsed = parseOspfHeader(payload);
    if (!parsed.ok) return this.note(`OSPF packet on ${ifName} from ${formatIp(src)} refused: ${parsed.error}`);
    if (!ospfChecksumValid(payload)) return this.note(`OSPF packet on ${ifName} from ${formatIp(src)} refused: bad checksum`);
    const p = parsed.value;
    if (dst === ALL_DR && i.state !== 'DR' && i.state !== 'BDR') return;
    if (p.routerId === this.routerId) return;
    if (p.areaId !== areaText(i.setup.areaId)) {
      return this.note(`OSPF: Rcv pkt from ${formatIp(src)}, ${ifName}, area ${p.areaId}: mismatched area ID (interface is in area ${i.setup.area})`);
    }
    if (i.setup.kind === 'broadcast' && ((src ^ i.setup.address) & i.setup.mask) >>> 0 !== 0) {
      return this.note(`OSPF: Rcv pkt from ${formatIp(src)} on ${ifName}: source not on the interface's subnet`);
    }
    const n = i.neighbors.get(p.routerId);
    // LS Updates are the bulk of the traffic: their LSAs are read header first, bodies only when installed.
    if (p.type === 4) return n ? this.onLsu(i, n, payload.subarray(0, p.length), now) : undefined;
    const full = parseOspf(payload);
    if (!full.ok) return this.note(`OSPF packet on ${ifName} from ${formatIp(src)} refused: ${full.error}`);
    const body = full.value.body;
    if (body.kind === 'hello') return this.onHello(i, src, p.routerId, body, now);
    if (!n) return;
    switch (body.kind) {
      case 'dbd':
        return this.onDbd(i, n, body, now);
      case 'lsr':
        return this.onLsr(i, n, body.requests, now);
      case 'lsack':
        return this.onAck(n, body.lsaHeaders);
    }
  }

  /** Runs every timer due at `now`: hellos, dead and wait timers, retransmissions, SPF, refresh. */
  tick(now: SimTime): void {
    if (this.routerId === undefined) return;
    for (const i of this.ifaces.values()) {
      if (i.waitUntil !== undefined && now >= i.waitUntil) {
        i.waitUntil = undefined;
        this.adj(i, 'end of Wait on interface');
        this.runElection(i, now);
      }
      for (const n of [...i.neighbors.values()]) {
        if (now >= n.deadAt) {
          this.event(i, `${n.routerId} address ${formatIp(n.address)} is dead`);
          this.killNeighbor(i, n, 'Neighbor Down: Dead timer expired', now);
          continue;
        }
        if (n.dbdRxmtAt !== undefined && now >= n.dbdRxmtAt && n.lastSent && (n.state === 'EXSTART' || (n.state === 'EXCHANGE' && n.master))) {
          this.send(n.lastSent);
          n.dbdRxmtAt = now + RXMT_INTERVAL * SECOND;
        }
        if (n.lsrRxmtAt !== undefined && now >= n.lsrRxmtAt) {
          n.lsrRxmtAt = undefined;
          if (n.requests.size > 0 && RANK[n.state] >= RANK.EXCHANGE) this.sendLsr(i, n, now);
        }
        if (n.lsuRxmtAt !== undefined && now >= n.lsuRxmtAt) {
          n.lsuRxmtAt = undefined;
          if (n.retransmit.size > 0 && RANK[n.state] >= RANK.EXCHANGE) {
            this.sendLsu(i, [...n.retransmit.values()], this.unicastTo(i, n), now);
            n.lsuRxmtAt = now + RXMT_INTERVAL * SECOND;
          }
        }
      }
      if (i.nextHelloAt !== undefined && now >= i.nextHelloAt) {
        this.sendHello(i);
        i.nextHelloAt = now + i.setup.helloInterval * SECOND;
      }
    }
    if (this.originateAt !== undefined && now >= this.originateAt) {
      this.originateAt = undefined;
      this.originateAll(now);
      if (this.isAbr()) this.scheduleSpfNow(now);
    }
    const due = this.lsaDeadline();
    if ((due !== undefined && now >= due) || this.anyMaxAge()) {
      this.refreshOwnLsas(now);
      this.ageOut(now);
      for (const db of this.areas.values()) db.invalidateDeadline();
    }
    if (this.spfDueAt !== undefined && now >= this.spfDueAt) this.runSpf(now);
    // Last, so LSAs queued by anything above leave in this slot's packet.
    for (const i of this.ifaces.values()) if (i.pacingAt !== undefined && now >= i.pacingAt) this.sendPaced(i, now);
  }

  private isAbr(): boolean {
    return new Set([...this.ifaces.values()].map((i) => i.setup.areaId)).size > 1;
  }

  private scheduleSpfNow(now: SimTime): void {
    this.spfDueAt = Math.min(this.spfDueAt ?? now, now);
  }

  /** The earliest time `tick` has work to do, or undefined when nothing is pending. */
  nextWakeup(): SimTime | undefined {
    let t = this.spfDueAt ?? Infinity;
    if (this.originateAt !== undefined && this.originateAt < t) t = this.originateAt;
    const lsa = this.lsaDeadline();
    if (lsa !== undefined && lsa < t) t = lsa;
    for (const i of this.ifaces.values()) {
      if (i.waitUntil !== undefined && i.waitUntil < t) t = i.waitUntil;
      if (i.nextHelloAt !== undefined && i.nextHelloAt < t) t = i.nextHelloAt;
      if (i.pacingAt !== undefined && i.pacingAt < t) t = i.pacingAt;
      for (const n of i.neighbors.values()) {
        if (n.deadAt < t) t = n.deadAt;
        if (n.dbdRxmtAt !== undefined && n.dbdRxmtAt < t && (n.state === 'EXSTART' || (n.state === 'EXCHANGE' && n.master))) t = n.dbdRxmtAt;
        if (n.lsrRxmtAt !== undefined && n.lsrRxmtAt < t) t = n.lsrRxmtAt;
        if (n.lsuRxmtAt !== undefined && n.lsuRxmtAt < t) t = n.lsuRxmtAt;
      }
    }
    return t === Infinity ? undefined : t;
  }

  /** When an LSA next needs attention (our refresh at 30 min, another's MaxAge), over all areas. */
  private lsaDeadline(): SimTime | undefined {
    let t: SimTime | undefined;
    for (const db of this.areas.values()) {
      const d = db.deadline(this.routerId);
      if (d.at !== undefined && (t === undefined || d.at < t)) t = d.at;
    }
    return t;
  }

  private anyMaxAge(): boolean {
    for (const db of this.areas.values()) if (db.deadline(this.routerId).maxAge) return true;
    return false;
  }

  /** Everything produced since the last call: packets, log lines, notes, route change flag. */
  takeOutput(): OspfOutput {
    const o = this.out;
    this.out = { packets: [], logs: [], notes: [], routesChanged: false };
    return o;
  }

  // ---- queries -----------------------------------------------------------------------------

  /** OSPF routes for the RIB (source "ospf", distance 110): O and O IA, one per next hop. */
  routes(): Route[] {
    return this.routeList.map((r) => ({ ...r }));
  }

  /** How many neighbours are FULL, without building display rows (convergence checks). */
  fullNeighborCount(): number {
    let n = 0;
    for (const i of this.ifaces.values()) for (const nb of i.neighbors.values()) if (nb.state === 'FULL') n++;
    return n;
  }

  neighbors(now: SimTime): OspfNeighborRow[] {
    const rows: OspfNeighborRow[] = [];
    for (const i of this.ifaces.values()) {
      const list = [...i.neighbors.values()].sort((a, b) => b.rid - a.rid);
      for (const n of list) {
        const role = i.setup.kind === 'point-to-point' ? '  -' : n.address === i.dr ? 'DR' : n.address === i.bdr ? 'BDR' : 'DROTHER';
        rows.push({
          neighborId: n.routerId,
          priority: i.setup.kind === 'point-to-point' ? 0 : n.priority,
          state: `${n.state}/${role}`,
          deadTime: hms(n.deadAt - now),
          address: formatIp(n.address),
          interface: i.setup.name,
        });
      }
    }
    return rows;
  }

  protocolInfo(now: SimTime): OspfProtocolInfo {
    const sources: OspfProtocolInfo['sources'] = [];
    const seen = new Set<string>();
    for (const db of this.areas.values()) {
      for (const e of db.all()) {
        const h = e.lsa.header;
        if (h.lsType !== 1 || h.advertisingRouter === this.routerId || seen.has(h.advertisingRouter) || ageOf(e, now) >= MAX_AGE) continue;
        seen.add(h.advertisingRouter);
        sources.push({ gateway: h.advertisingRouter, distance: OSPF_DISTANCE, lastUpdate: hms(now - e.installedAt) });
      }
    }
    sources.sort((a, b) => (parseIp(b.gateway) ?? 0) - (parseIp(a.gateway) ?? 0));
    const areas = [...new Set([...this.ifaces.values()].map((i) => i.setup.area))];
    return {
      processId: this.processId,
      routerId: this.routerId ?? '0.0.0.0',
      areas,
      isAbr: new Set([...this.ifaces.values()].map((i) => i.setup.areaId)).size > 1,
      maximumPaths: 4,
      networks: orderedNetworks(this.process.networks).map((n) => ({ ...n })),
      passiveInterfaces: [...this.ifaces.values()].filter((i) => i.setup.passive).map((i) => i.setup.name),
      sources,
      distance: OSPF_DISTANCE,
    };
  }

  /** The interface state per OSPF interface ("P2P", "DR", "BDR", "DROTHER", "WAITING", "LOOPBACK"). */
  interfaceStates(): { name: string; area: string; state: InterfaceState; cost: number; dr: string; bdr: string }[] {
    return [...this.ifaces.values()].map((i) => ({ name: i.setup.name, area: i.setup.area, state: i.state, cost: i.setup.cost, dr: formatIp(i.dr), bdr: formatIp(i.bdr) }));
  }

  /** LSDB of one area: headers as they stand now (tests, `show ip ospf database`). */
  database(area: string, now: SimTime): LsaHeader[] {
    const db = [...this.ifaces.values()].find((i) => i.setup.area === area) ? this.areas.get(formatIp(this.areaIdOf(area))) : undefined;
    return db ? db.all().map((e) => headerAt(e, now)) : [];
  }

  /** What the show views read (views.ts): live internal state, to be read and never changed. */
  viewSource(): OspfViewSource {
    return {
      processId: this.processId,
      routerId: this.routerId,
      process: this.process,
      interfaceConfigs: this.interfaceConfigs,
      links: this.links,
      ifaces: this.ifaces,
      areas: this.areas,
      spfRuns: this.spfRuns,
      lastSpfAt: this.lastSpfAt,
      startedAt: this.startedAt,
      spfDelay: this.spfDelay,
      spfHold: this.spfHold,
    };
  }

  // ---- interfaces --------------------------------------------------------------------------

  private areaIdOf(area: string): Ip {
    return [...this.ifaces.values()].find((i) => i.setup.area === area)?.setup.areaId ?? 0;
  }

  private refresh(now: SimTime): void {
    this.startedAt ??= now;
    if (this.routerId === undefined) {
      const rid = chooseRouterId(this.process, this.interfaceConfigs, this.links);
      if (rid === undefined) return;
      this.rid = rid;
      this.routerId = formatIp(rid);
    }
    const wanted = new Map(ospfInterfaces(this.process, this.interfaceConfigs, this.links).map((s) => [s.name, s]));
    for (const [name, i] of [...this.ifaces]) {
      const s = wanted.get(name);
      const same = s && s.address === i.setup.address && s.mask === i.setup.mask && s.areaId === i.setup.areaId && s.kind === i.setup.kind && s.passive === i.setup.passive;
      if (!same) {
        this.adj(i, 'Interface going Down');
        for (const n of [...i.neighbors.values()]) this.killNeighbor(i, n, 'Neighbor Down: Interface down or detached', now);
        this.ifaces.delete(name);
      } else {
        i.setup = s!; // cost, timers, MTU may change in place
      }
    }
    for (const [name, s] of wanted) {
      if (this.ifaces.has(name)) continue;
      const i: Iface = { setup: s, state: 'DOWN', dr: 0, bdr: 0, neighbors: new Map(), floodQueue: new Map() };
      if (!this.areas.has(areaText(s.areaId))) this.areas.set(areaText(s.areaId), new Lsdb(this.routerId));
      if (s.kind === 'loopback') i.state = 'LOOPBACK';
      else if (s.kind === 'point-to-point') i.state = 'P2P';
      else if (s.passive) i.state = 'DR'; // alone on the segment: IOS shows a passive broadcast interface as DR
      else if (s.priority === 0) i.state = 'DROTHER';
      else {
        i.state = 'WAITING';
        i.waitUntil = now + s.deadInterval * SECOND;
      }
      if (s.passive && s.kind === 'broadcast') i.dr = s.address;
      if (!s.passive && s.kind !== 'loopback') i.nextHelloAt = now;
      this.ifaces.set(name, i);
      this.adj(i, 'Interface going Up');
    }
    this.originateAll(now);
    if (this.ifaces.size > 0) this.tick(now);
  }

  // ---- hello and neighbours ----------------------------------------------------------------

  private sendHello(i: Iface): void {
    const neighbors = [...i.neighbors.values()].filter((n) => RANK[n.state] >= RANK.INIT).map((n) => n.routerId);
    const body: OspfHello = {
      kind: 'hello',
      networkMask: formatIp(i.setup.mask),
      helloInterval: i.setup.helloInterval,
      options: OPTIONS,
      priority: i.setup.priority,
      deadInterval: i.setup.deadInterval,
      designatedRouter: formatIp(i.dr),
      backupDesignatedRouter: formatIp(i.bdr),
      neighbors,
    };
    this.transmit(i, ALL_SPF, body, 'Hello');
    if (this.debug.hello) this.helloDebug(i, `Send hello to ${ALL_SPF_ROUTERS} area ${i.setup.area} from ${formatIp(i.setup.address)}`);
  }

  /** A `debug ip ospf hello` line, IOS 15 style: "OSPF-1 HELLO Tu0: Rcv hello from 2.2.2.2 area 0 172.16.0.2". */
  private helloDebug(i: Iface, text: string): void {
    this.debugOut('HELLO', i, text);
  }

  /** A `debug ip ospf adj` line: "OSPF-1 ADJ   Tu0: 2 Way Communication to 2.2.2.2, state 2WAY". */
  private adj(i: Iface, text: string): void {
    if (this.debug.adj) this.debugOut('ADJ', i, text);
  }

  /** A `debug ip ospf events` line: "OSPF-1 EVENT Gi1: Mismatched hello parameters from 10.0.0.2". */
  private event(i: Iface, text: string): void {
    if (this.debug.events) this.debugOut('EVENT', i, text);
  }

  private debugOut(kind: DebugKind, i: Iface, text: string): void {
    this.out.logs.push(debugLine(this.processId, kind, shortInterfaceName(i.setup.name), text));
  }

  /** The router ID behind an address on the segment (ours or a neighbour's): election lines name routers by ID. */
  private idAt(i: Iface, address: Ip): string | undefined {
    if (address === 0) return undefined;
    if (address === i.setup.address) return this.routerId;
    for (const n of i.neighbors.values()) if (n.address === address) return n.routerId;
    return formatIp(address);
  }

  private onHello(i: Iface, src: Ip, routerId: string, h: OspfHello, now: SimTime): void {
    const s = i.setup;
    const bad: string[] = [];
    if (h.deadInterval !== s.deadInterval) bad.push(`Dead R ${h.deadInterval} C ${s.deadInterval}`);
    if (h.helloInterval !== s.helloInterval) bad.push(`Hello R ${h.helloInterval} C ${s.helloInterval}`);
    if (s.kind === 'broadcast' && h.networkMask !== formatIp(s.mask)) bad.push(`Mask R ${h.networkMask} C ${formatIp(s.mask)}`);
    if (this.debug.hello) this.helloDebug(i, `Rcv hello from ${routerId} area ${i.setup.area} ${formatIp(src)}`);
    if (bad.length) {
      // IOS names both timers whichever differs ("Dead R 40 C 40, Hello R 10 C 20"); the mask only when it is the fault.
      const mask = bad.find((b) => b.startsWith('Mask'));
      const detail = `Dead R ${h.deadInterval} C ${s.deadInterval}, Hello R ${h.helloInterval} C ${s.helloInterval}${mask ? `, ${mask}` : ''}`;
      if (this.debug.hello) {
        this.helloDebug(i, `Mismatched hello parameters from ${formatIp(src)}`);
        this.helloDebug(i, detail);
      }
      this.event(i, `Mismatched hello parameters from ${formatIp(src)}`);
      this.event(i, detail);
      return this.note(`OSPF: Mismatched hello parameters from ${formatIp(src)} on ${s.name}: ${bad.join(', ')}; no adjacency`);
    }
    let n = i.neighbors.get(routerId);
    const rid = parseIp(routerId) ?? 0;
    let changed = false;
    if (!n) {
      n = {
        routerId,
        rid,
        address: src,
        priority: h.priority,
        dr: parseIp(h.designatedRouter) ?? 0,
        bdr: parseIp(h.backupDesignatedRouter) ?? 0,
        state: 'DOWN',
        deadAt: now,
        master: true,
        ddSeq: 0,
        summary: [],
        sentMore: true,
        requests: new Map(),
        retransmit: new Map(),
        acks: [],
      };
      i.neighbors.set(routerId, n);
      this.setState(i, n, 'INIT', '', now);
      changed = true;
    }
    n.address = src;
    n.deadAt = now + s.deadInterval * SECOND;
    const dr = parseIp(h.designatedRouter) ?? 0;
    const bdr = parseIp(h.backupDesignatedRouter) ?? 0;
    const prevDr = n.dr;
    const prevBdr = n.bdr;
    if (n.priority !== h.priority) changed = true;
    n.priority = h.priority;
    n.dr = dr;
    n.bdr = bdr;

    const seesUs = h.neighbors.includes(this.routerId!);
    if (!seesUs) {
      if (RANK[n.state] >= RANK['2WAY']) {
        this.resetAdjacency(n);
        this.setState(i, n, 'INIT', '1-Way', now);
        changed = true;
      }
    } else if (n.state === 'INIT') {
      this.setState(i, n, '2WAY', '2-Way Received', now);
      this.adj(i, `2 Way Communication to ${n.routerId}, state 2WAY`);
      changed = true;
      if (this.shouldBeAdjacent(i, n)) this.startExchange(i, n, now);
    }
    if (s.kind !== 'broadcast') return;
    // BackupSeen ends the wait timer early (RFC 2328 §9.3).
    if (i.state === 'WAITING' && ((bdr === src) || (dr === src && bdr === 0))) {
      i.waitUntil = undefined;
      this.adj(i, 'Backup seen event before WAIT timer');
      return this.runElection(i, now);
    }
    const declChange = (dr === src) !== (prevDr === src) || (bdr === src) !== (prevBdr === src);
    if ((changed || declChange) && i.state !== 'WAITING') {
      this.adj(i, 'Neighbor change event');
      this.runElection(i, now);
    }
  }

  private shouldBeAdjacent(i: Iface, n: Neighbor): boolean {
    if (i.setup.kind === 'point-to-point') return true;
    const me = i.setup.address;
    return i.dr === me || i.bdr === me || i.dr === n.address || i.bdr === n.address;
  }

  private runElection(i: Iface, now: SimTime): void {
    if (i.setup.kind !== 'broadcast' || i.setup.passive) return;
    const self = { routerId: this.rid, address: i.setup.address, priority: i.setup.priority, dr: i.dr, bdr: i.bdr };
    const others = [...i.neighbors.values()].filter((n) => RANK[n.state] >= RANK['2WAY']).map((n) => ({ routerId: n.rid, address: n.address, priority: n.priority, dr: n.dr, bdr: n.bdr }));
    this.adj(i, 'DR/BDR election');
    // IOS prints each pass of the election (a second one when our own role changed).
    const r = electDr(self, others, (pass) => {
      this.adj(i, `Elect BDR ${this.idAt(i, pass.bdrPick) ?? '0.0.0.0'}`);
      this.adj(i, `Elect DR ${this.idAt(i, pass.dr) ?? '0.0.0.0'}`);
    });
    this.adj(i, drBdrText(this.idAt(i, r.dr), this.idAt(i, r.bdr)));
    const changed = r.dr !== i.dr || r.bdr !== i.bdr;
    i.dr = r.dr;
    i.bdr = r.bdr;
    const me = i.setup.address;
    i.state = r.dr === me ? 'DR' : r.bdr === me ? 'BDR' : 'DROTHER';
    if (changed) {
      // AdjOK?: form adjacencies that are now wanted, drop those no longer wanted.
      for (const n of i.neighbors.values()) {
        if (n.state === '2WAY' && this.shouldBeAdjacent(i, n)) this.startExchange(i, n, now);
        else if (RANK[n.state] >= RANK.EXSTART && !this.shouldBeAdjacent(i, n)) {
          this.resetAdjacency(n);
          this.setState(i, n, '2WAY', 'AdjOK?', now);
        }
      }
      this.sendHello(i);
      i.nextHelloAt = now + i.setup.helloInterval * SECOND;
    }
    this.originateAll(now);
  }

  private setState(i: Iface, n: Neighbor, to: NeighborState, reason: string, now: SimTime): void {
    const from = n.state;
    if (from === to) return;
    n.state = to;
    if (to === 'FULL') this.adj(i, `Synchronized with ${n.routerId}, state FULL`);
    // IOS default `log-adjacency-changes`: only reaching FULL and going DOWN are logged, debug or not.
    if (to === 'FULL' || to === 'DOWN') {
      this.out.logs.push(`%OSPF-5-ADJCHG: Process ${this.processId}, Nbr ${n.routerId} on ${i.setup.name} from ${from} to ${to}, ${reason}`);
    }
    this.note(`OSPF: Nbr ${n.routerId} on ${i.setup.name} from ${from} to ${to}${reason ? ` (${reason})` : ''}`);
    if (from === 'FULL' || to === 'FULL') this.originateAll(now);
  }

  private killNeighbor(i: Iface, n: Neighbor, reason: string, now: SimTime): void {
    this.resetAdjacency(n);
    i.neighbors.delete(n.routerId);
    this.adj(i, `${n.routerId} address ${formatIp(n.address)} is dead, state DOWN`);
    this.setState(i, n, 'DOWN', reason, now);
    if (i.setup.kind === 'broadcast' && i.state !== 'WAITING' && !i.setup.passive) {
      this.adj(i, 'Neighbor change event');
      this.runElection(i, now);
    }
    this.originateAll(now);
  }

  private resetAdjacency(n: Neighbor): void {
    n.summary = [];
    n.requests.clear();
    n.retransmit.clear();
    n.lastSent = undefined;
    n.lastRecv = undefined;
    n.dbdRxmtAt = undefined;
    n.lsrRxmtAt = undefined;
    n.lsuRxmtAt = undefined;
    n.acks = [];
  }

  // ---- database exchange -------------------------------------------------------------------

  private startExchange(i: Iface, n: Neighbor, now: SimTime): void {
    this.resetAdjacency(n);
    this.setState(i, n, 'EXSTART', 'AdjOK', now);
    this.adj(i, `Nbr ${n.routerId}: Prepare dbase exchange`);
    n.master = true;
    // Deterministic initial DD sequence number, distinct per attempt.
    n.ddSeq = (Math.floor(now / 1000) + n.ddSeq + 1) >>> 0;
    n.sentMore = true;
    this.sendDbd(i, n, DbdFlags.I | DbdFlags.M | DbdFlags.MS, [], now);
  }

  private sendDbd(i: Iface, n: Neighbor, flags: number, headers: LsaHeader[], now: SimTime): void {
    const body: OspfDbd = { kind: 'dbd', interfaceMtu: i.setup.mtu, options: OPTIONS, flags, sequence: n.ddSeq, lsaHeaders: headers };
    const t = this.transmit(i, this.unicastTo(i, n), body, 'DBD');
    this.adj(i, sendDbdText(n.routerId, body));
    n.lastSent = t;
    n.dbdRxmtAt = now + RXMT_INTERVAL * SECOND;
  }

  /** Up to as many summary headers as fit in one DBD at the interface MTU. */
  private nextChunk(i: Iface, n: Neighbor): LsaHeader[] {
    const room = Math.max(1, Math.floor((i.setup.mtu - 20 - 24 - 8) / 20));
    return n.summary.splice(0, room);
  }

  private onDbd(i: Iface, n: Neighbor, d: OspfDbd, now: SimTime): void {
    if (RANK[n.state] < RANK.EXSTART) return;
    this.adj(i, rcvDbdText(n.routerId, d, n.state));
    if (d.interfaceMtu > i.setup.mtu) {
      this.adj(i, `Nbr ${n.routerId} has larger interface MTU`);
      return this.note(`OSPF: Nbr ${n.routerId} has larger interface MTU (${d.interfaceMtu} > ${i.setup.mtu}); DBD refused, adjacency stays in EXSTART`);
    }
    const dup = n.lastRecv !== undefined && n.lastRecv.flags === d.flags && n.lastRecv.seq === d.sequence;
    const I = (d.flags & DbdFlags.I) !== 0;
    const M = (d.flags & DbdFlags.M) !== 0;
    const MS = (d.flags & DbdFlags.MS) !== 0;
    if (n.state === 'EXSTART') {
      if (I && M && MS && d.lsaHeaders.length === 0 && n.rid > this.rid) {
        n.master = false;
        n.ddSeq = d.sequence;
        this.negotiationDone(i, n, now);
        n.lastRecv = { flags: d.flags, seq: d.sequence };
        this.slaveRespond(i, n, M, now);
        return;
      }
      if (!I && !MS && d.sequence === n.ddSeq && n.rid < this.rid) {
        n.master = true;
        this.negotiationDone(i, n, now);
        // The slave's first packet already carries headers: fall through to Exchange handling.
      } else {
        // The neighbour's opening DBD while our router ID is higher: we stay master and keep resending ours.
        if (I && M && MS && n.rid < this.rid) this.adj(i, 'First DBD and we are not SLAVE');
        return;
      }
    } else if (n.state === 'EXCHANGE') {
      if (dup) {
        if (!n.master && n.lastSent) this.send(n.lastSent);
        return;
      }
      if (MS === n.master || I) return this.seqMismatch(i, n, now);
      if (n.master ? d.sequence !== n.ddSeq : d.sequence !== ((n.ddSeq + 1) >>> 0)) return this.seqMismatch(i, n, now);
    } else {
      // Loading or Full: only duplicates are acceptable.
      if (dup) {
        if (!n.master && n.lastSent) this.send(n.lastSent);
        return;
      }
      return this.seqMismatch(i, n, now);
    }
    n.lastRecv = { flags: d.flags, seq: d.sequence };
    this.takeHeaders(i, n, d.lsaHeaders, now);
    if (n.master) {
      if (!n.sentMore && !M) return this.exchangeDone(i, n, now);
      n.ddSeq = (n.ddSeq + 1) >>> 0;
      const chunk = this.nextChunk(i, n);
      n.sentMore = n.summary.length > 0;
      this.sendDbd(i, n, DbdFlags.MS | (n.sentMore ? DbdFlags.M : 0), chunk, now);
    } else {
      n.ddSeq = d.sequence;
      this.slaveRespond(i, n, M, now);
    }
  }

  private slaveRespond(i: Iface, n: Neighbor, masterMore: boolean, now: SimTime): void {
    const chunk = this.nextChunk(i, n);
    n.sentMore = n.summary.length > 0;
    this.sendDbd(i, n, n.sentMore ? DbdFlags.M : 0, chunk, now);
    if (!masterMore && !n.sentMore) this.exchangeDone(i, n, now);
  }

  private negotiationDone(i: Iface, n: Neighbor, now: SimTime): void {
    this.setState(i, n, 'EXCHANGE', 'Negotiation Done', now);
    this.adj(i, `NBR Negotiation Done. We are the ${n.master ? 'MASTER' : 'SLAVE'}`);
    const db = this.lsdbOf(i);
    n.summary = db.all().filter((e) => ageOf(e, now) < MAX_AGE).map((e) => headerAt(e, now));
    this.adj(i, `Nbr ${n.routerId}: Summary list built, size ${n.summary.length}`);
  }

  private takeHeaders(i: Iface, n: Neighbor, headers: LsaHeader[], now: SimTime): void {
    const db = this.lsdbOf(i);
    for (const h of headers) {
      if (h.lsType < 1 || h.lsType > 4) continue;
      const have = db.get(h);
      if (!have || compareInstances(h, headerAt(have, now)) > 0) n.requests.set(lsaKey(h), h);
    }
    if (n.requests.size > 0 && n.lsrRxmtAt === undefined) this.sendLsr(i, n, now);
  }

  private exchangeDone(i: Iface, n: Neighbor, now: SimTime): void {
    n.dbdRxmtAt = undefined;
    this.setState(i, n, 'LOADING', 'Exchange Done', now);
    this.adj(i, `Exchange Done with ${n.routerId}`);
    if (n.requests.size === 0) this.setState(i, n, 'FULL', 'Loading Done', now);
  }

  private seqMismatch(i: Iface, n: Neighbor, now: SimTime): void {
    this.note(`OSPF: Nbr ${n.routerId} on ${i.setup.name}: DBD sequence mismatch, back to EXSTART`);
    this.startExchange(i, n, now);
  }

  private sendLsr(i: Iface, n: Neighbor, now: SimTime): void {
    const room = Math.max(1, Math.floor((i.setup.mtu - 20 - 24) / 12));
    const requests: LsaRequest[] = [...n.requests.values()].slice(0, room).map((h) => ({ lsType: h.lsType, linkStateId: h.linkStateId, advertisingRouter: h.advertisingRouter }));
    this.transmit(i, this.unicastTo(i, n), { kind: 'lsr', requests }, 'LSR');
    n.lsrRxmtAt = now + RXMT_INTERVAL * SECOND;
  }

  private onLsr(i: Iface, n: Neighbor, requests: LsaRequest[], now: SimTime): void {
    if (RANK[n.state] < RANK.EXCHANGE) return;
    const db = this.lsdbOf(i);
    const lsas: LsaEntry[] = [];
    for (const r of requests) {
      const e = db.get(r);
      if (!e) {
        this.note(`OSPF: Nbr ${n.routerId} requested an LSA we do not have (BadLSReq)`);
        return this.startExchange(i, n, now);
      }
      lsas.push(e);
    }
    this.sendLsu(i, lsas, this.unicastTo(i, n), now);
  }

  // ---- flooding ----------------------------------------------------------------------------

  /** Sends LSAs (ages advanced by InfTransDelay), split to fit the interface MTU. */
  private sendLsu(i: Iface, lsas: LsaEntry[], dst: Ip, now: SimTime): void {
    const room = i.setup.mtu - 20 - 24 - 4;
    let batch: { bytes: Uint8Array; age: number }[] = [];
    let size = 0;
    const flush = () => {
      if (!batch.length) return;
      const payload = emitLsuFromBytes(this.routerId!, areaText(i.setup.areaId), batch);
      this.send({ interface: i.setup.name, src: i.setup.address, dst, ttl: 1, payload, kind: 'LSU' });
      batch = [];
      size = 0;
    };
    for (const e of lsas) {
      if (size + e.bytes.length > room && batch.length) flush();
      batch.push({ bytes: e.bytes, age: Math.min(MAX_AGE, ageOf(e, now) + 1) });
      size += e.bytes.length;
    }
    flush();
  }

  private onLsu(i: Iface, n: Neighbor, payload: Uint8Array, now: SimTime): void {
    if (RANK[n.state] < RANK.EXCHANGE) return;
    const db = this.lsdbOf(i);
    const acks = n.acks;
    let changed = false;
    for (const range of lsuLsaRanges(payload)) {
      const raw = payload.subarray(range.offset, range.offset + range.length);
      const h = parseLsaHeader(raw, 0);
      if (h.lsType < 1 || h.lsType > 4) continue;
      if (!lsaChecksumValid(raw)) {
        this.note(`OSPF: LSA ${h.lsType}/${h.linkStateId}/${h.advertisingRouter} from ${n.routerId} has a bad checksum, discarded`);
        continue;
      }
      const have = db.get(h);
      const cur = have ? headerAt(have, now) : undefined;
      const cmp = cur ? compareInstances(h, cur) : 1;
      const req = n.requests.get(lsaKey(h));
      if (req && compareInstances(h, req) >= 0) n.requests.delete(lsaKey(h));
      if (h.age >= MAX_AGE && !have) {
        acks.push(h);
        continue;
      }
      if (cmp > 0) {
        const parsed = parseLsa(raw);
        if (!parsed.ok) {
          this.note(`OSPF: LSA ${h.lsType}/${h.linkStateId}/${h.advertisingRouter} from ${n.routerId} is malformed (${parsed.error}), discarded`);
          continue;
        }
        const lsa = parsed.value;
        if (this.isSelfOriginated(lsa)) {
          // Our own LSA, newer than ours (from before a restart): take its sequence and reissue.
          acks.push(h);
          this.reissueOwn(i, lsa, now);
          continue;
        }
        const installed = db.install({ header: { ...h }, body: lsa.body }, raw.slice(), now);
        const key = lsaKey(h);
        for (const other of this.ifaces.values()) for (const m of other.neighbors.values()) m.retransmit.delete(key);
        this.flood(installed, i, n, now);
        acks.push(h);
        changed = true;
      } else if (cmp === 0) {
        if (n.retransmit.has(lsaKey(h))) n.retransmit.delete(lsaKey(h)); // implied acknowledgement
        else acks.push(h);
      } else if (have) {
        // Our copy is newer: send it back to the neighbour.
        this.sendLsu(i, [have], this.unicastTo(i, n), now);
      }
    }
    if (acks.length) this.pace(i, now);
    if (n.requests.size > 0) this.sendLsr(i, n, now);
    else n.lsrRxmtAt = undefined;
    if (n.state === 'LOADING' && n.requests.size === 0) this.setState(i, n, 'FULL', 'Loading Done', now);
    if (changed) this.scheduleSpf(now);
  }

  private onAck(n: Neighbor, headers: LsaHeader[]): void {
    for (const h of headers) {
      const l = n.retransmit.get(lsaKey(h));
      if (l && compareInstances(h, l.lsa.header) === 0) n.retransmit.delete(lsaKey(h));
    }
  }

  /** Floods an LSA (RFC 2328 §13.3) to every adjacency of its area except where it came from. */
  private flood(entry: LsaEntry, from: Iface | undefined, fromNbr: Neighbor | undefined, now: SimTime): void {
    const lsa = entry.lsa;
    const area = this.areaOfLsdb(lsa, from);
    const k = lsaKey(lsa.header);
    for (const i of this.ifaces.values()) {
      if (areaText(i.setup.areaId) !== area || i.setup.passive || i.state === 'LOOPBACK') continue;
      let added = false;
      for (const n of i.neighbors.values()) {
        if (RANK[n.state] < RANK.EXCHANGE) continue;
        const req = n.requests.get(k);
        if (req) {
          const c = compareInstances(lsa.header, req);
          if (c < 0) continue;
          n.requests.delete(k);
          if (c === 0) continue;
        }
        if (n === fromNbr) continue;
        n.retransmit.set(k, entry);
        if (n.lsuRxmtAt === undefined) n.lsuRxmtAt = now + RXMT_INTERVAL * SECOND;
        added = true;
      }
      if (!added) continue;
      if (i === from && fromNbr && (fromNbr.address === i.dr || fromNbr.address === i.bdr)) continue;
      if (i === from && i.state === 'BDR') continue;
      i.floodQueue.set(k, entry);
      this.pace(i, now);
    }
  }

  private pace(i: Iface, now: SimTime): void {
    if (i.pacingAt === undefined) i.pacingAt = now + PACING;
  }

  /** The pacing slot: one LS Update with every queued LSA, then the delayed acknowledgements. */
  private sendPaced(i: Iface, now: SimTime): void {
    i.pacingAt = undefined;
    if (i.floodQueue.size) {
      const dst = i.setup.kind === 'point-to-point' || i.state === 'DR' || i.state === 'BDR' ? ALL_SPF : ALL_DR;
      this.sendLsu(i, [...i.floodQueue.values()], dst, now);
      i.floodQueue.clear();
    }
    // Delayed acknowledgements go multicast (RFC 2328 §13.5): on a broadcast network a DROther's
    // ack reaches both the DR and the BDR, so neither keeps retransmitting.
    const acks: LsaHeader[] = [];
    const queued = new Map<string, LsaHeader[]>();
    for (const n of i.neighbors.values()) {
      for (const h of n.acks) {
        const k = lsaKey(h);
        const same = queued.get(k);
        if (same?.some((a) => compareInstances(a, h) === 0)) continue;
        if (same) same.push(h);
        else queued.set(k, [h]);
        acks.push(h);
      }
      n.acks = [];
    }
    if (acks.length) {
      const dst = i.setup.kind === 'point-to-point' || i.state === 'DR' || i.state === 'BDR' ? ALL_SPF : ALL_DR;
      const room = Math.max(1, Math.floor((i.setup.mtu - 20 - 24) / 20));
      for (let k = 0; k < acks.length; k += room) this.transmit(i, dst, { kind: 'lsack', lsaHeaders: acks.slice(k, k + room) }, 'LSAck');
    }
  }

  private areaOfLsdb(lsa: Lsa, from: Iface | undefined): string {
    if (from) return areaText(from.setup.areaId);
    for (const [area, db] of this.areas) if (db.get(lsa.header)?.lsa === lsa) return area;
    return '0.0.0.0';
  }

  // ---- origination -------------------------------------------------------------------------

  /** Ours by advertising router, or a network LSA for one of our interface addresses (§13.4). */
  private isSelfOriginated(lsa: Lsa): boolean {
    if (lsa.header.advertisingRouter === this.routerId) return true;
    if (lsa.header.lsType === 2) return [...this.ifaces.values()].some((x) => formatIp(x.setup.address) === lsa.header.linkStateId);
    return false;
  }

  private reissueOwn(i: Iface, lsa: Lsa, now: SimTime): void {
    const db = this.lsdbOf(i);
    const mine = db.get(lsa.header);
    const body = mine && mine.lsa.header.age < MAX_AGE ? mine.lsa.body : undefined;
    if (body) this.install(db, areaText(i.setup.areaId), { ...lsa.header, sequence: (lsa.header.sequence + 1) | 0, age: 0 }, body, now);
    else this.install(db, areaText(i.setup.areaId), { ...lsa.header, age: MAX_AGE }, lsa.body, now);
  }

  /** Installs an LSA we originate and floods it. */
  private install(db: Lsdb, area: string, header: LsaHeader, body: Lsa['body'], now: SimTime): void {
    const made = completeLsa({ header: { ...header, checksum: undefined, length: undefined }, body });
    const e = db.install(made.lsa, made.bytes, now);
    for (const i of this.ifaces.values()) for (const n of i.neighbors.values()) n.retransmit.delete(lsaKey(made.lsa.header));
    const from = [...this.ifaces.values()].find((i) => areaText(i.setup.areaId) === area);
    if (from) this.flood(e, undefined, undefined, now);
    this.scheduleSpf(now);
  }

  /** Originates (or refreshes, or flushes) one of our LSAs if its content differs. */
  private originate(area: string, lsType: number, linkStateId: string, body: Lsa['body'] | undefined, now: SimTime): void {
    const db = this.areas.get(area);
    if (!db) return;
    const id = { lsType, linkStateId, advertisingRouter: this.routerId! };
    const cur = db.get(id);
    if (!body) {
      if (cur && ageOf(cur, now) < MAX_AGE) this.install(db, area, { ...cur.lsa.header, age: MAX_AGE }, cur.lsa.body, now);
      return;
    }
    if (cur && ageOf(cur, now) < MAX_AGE && sameBody(cur.lsa.body, body)) return;
    if (cur && cur.lsa.header.age < MAX_AGE && now - cur.installedAt < MIN_LS_INTERVAL) {
      const at = cur.installedAt + MIN_LS_INTERVAL;
      if (this.originateAt === undefined || at < this.originateAt) this.originateAt = at;
      return;
    }
    const sequence = cur ? (cur.lsa.header.sequence + 1) | 0 : INITIAL_SEQUENCE;
    this.install(db, area, { age: 0, options: OPTIONS, lsType, linkStateId, advertisingRouter: this.routerId!, sequence }, body, now);
  }

  private originateAll(now: SimTime): void {
    if (this.routerId === undefined) return;
    const isAbr = new Set([...this.ifaces.values()].map((i) => i.setup.areaId)).size > 1;
    for (const area of this.areas.keys()) {
      const links: RouterLink[] = [];
      for (const i of this.ifaces.values()) {
        if (areaText(i.setup.areaId) !== area) continue;
        links.push(...routerLinks(i));
      }
      const attached = [...this.ifaces.values()].some((i) => areaText(i.setup.areaId) === area);
      this.originate(area, 1, this.routerId, attached ? { kind: 'router', flags: isAbr ? 0x01 : 0, links } : undefined, now);
      for (const i of this.ifaces.values()) {
        if (areaText(i.setup.areaId) !== area || i.setup.kind !== 'broadcast') continue;
        this.originate(area, 2, formatIp(i.setup.address), networkLsaBody(i, this.routerId), now);
      }
    }
  }

  /** LSRefreshTime: reissue our LSAs every 30 minutes. */
  private refreshOwnLsas(now: SimTime): void {
    for (const [area, db] of this.areas) {
      for (const e of db.all()) {
        const h = e.lsa.header;
        if (h.advertisingRouter !== this.routerId || h.age >= MAX_AGE) continue;
        if (ageOf(e, now) >= LS_REFRESH_TIME) this.install(db, area, { ...h, sequence: (h.sequence + 1) | 0, age: 0 }, e.lsa.body, now);
      }
    }
  }

  /**
   * An LSA that ages to MaxAge is flushed: stored with age MaxAge and flooded so every router
   * drops it (RFC 2328 §14); once no neighbour still needs it, it leaves the database.
   */
  private ageOut(now: SimTime): void {
    for (const db of this.areas.values()) {
      for (const e of db.all()) {
        if (ageOf(e, now) < MAX_AGE) continue;
        if (e.lsa.header.age < MAX_AGE) {
          const flushed = db.install({ header: { ...e.lsa.header, age: MAX_AGE }, body: e.lsa.body }, e.bytes, now);
          this.flood(flushed, undefined, undefined, now);
          this.scheduleSpf(now);
          continue;
        }
        const k = lsaKey(e.lsa.header);
        const pending = [...this.ifaces.values()].some((i) => [...i.neighbors.values()].some((n) => n.retransmit.has(k) || n.state === 'EXCHANGE' || n.state === 'LOADING'));
        if (!pending) {
          db.remove(e.lsa.header);
          this.scheduleSpf(now);
        }
      }
    }
  }

  // ---- SPF and routes ----------------------------------------------------------------------

  private scheduleSpf(now: SimTime): void {
    if (this.spfDueAt !== undefined) return;
    let at = now + this.spfDelay;
    if (this.lastSpfAt !== undefined) at = Math.max(at, this.lastSpfAt + this.spfHold);
    this.spfDueAt = at;
  }

  private runSpf(now: SimTime): void {
    this.spfDueAt = undefined;
    this.lastSpfAt = now;
    this.spfRuns++;
    const names = new Map([...this.ifaces.values()].map((i) => [i.setup.address, i.setup.name]));
    const byAddress = (addr: Ip) => names.get(addr);
    const intraByArea = new Map<string, SpfRoute[]>();
    const spfByArea = new Map<string, ReturnType<typeof runSpf>>();
    for (const [area, db] of this.areas) {
      const spf = runSpf(db, this.routerId!, byAddress, now);
      spfByArea.set(area, spf);
      intraByArea.set(area, spf.routes);
    }
    // Intra-area: best over all areas.
    const intra = new Map<string, SpfRoute>();
    for (const routes of intraByArea.values()) {
      for (const r of routes) {
        const k = `${r.network}/${r.prefixLength}`;
        const cur = intra.get(k);
        if (!cur || r.cost < cur.cost) intra.set(k, { ...r });
      }
    }
    const connected = new Set([...this.ifaces.values()].map((i) => (i.setup.kind === 'loopback' ? `${i.setup.address}/32` : `${(i.setup.address & i.setup.mask) >>> 0}/${i.setup.prefixLength}`)));
    for (const k of connected) intra.delete(k);
    // Inter-area: an ABR looks only at backbone summaries (RFC 2328 §16.2).
    const areaIds = [...this.areas.keys()].filter((a) => [...this.ifaces.values()].some((i) => areaText(i.setup.areaId) === a));
    const isAbr = areaIds.length > 1;
    const summaryAreas = isAbr && areaIds.includes('0.0.0.0') ? ['0.0.0.0'] : areaIds;
    const inter = new Map<string, SpfRoute>();
    const known = new Set([...intra.keys(), ...connected]);
    for (const area of summaryAreas) {
      for (const r of interAreaRoutes(this.areas.get(area)!, this.routerId!, spfByArea.get(area)!, known, now)) {
        const k = `${r.network}/${r.prefixLength}`;
        const cur = inter.get(k);
        if (!cur || r.cost < cur.cost) inter.set(k, r);
      }
    }
    const previous = new Map(this.routeList.map((r) => [routeKey(r), r]));
    const list: Route[] = [];
    const emit = (r: SpfRoute, code: 'O' | 'O IA') => {
      for (const h of r.nextHops) {
        const route: Route = { network: r.network, prefixLength: r.prefixLength, code, distance: OSPF_DISTANCE, metric: r.cost, interface: h.interface, source: 'ospf', installedAt: now };
        if (h.address !== undefined) route.nextHop = h.address;
        const old = previous.get(routeKey(route));
        if (old && old.metric === route.metric && old.code === route.code) route.installedAt = old.installedAt;
        list.push(route);
      }
    };
    for (const r of intra.values()) emit(r, 'O');
    for (const r of inter.values()) emit(r, 'O IA');
    list.sort((a, b) => a.network - b.network || a.prefixLength - b.prefixLength || (a.nextHop ?? 0) - (b.nextHop ?? 0));
    const before = JSON.stringify(this.routeList.map(routeSig));
    this.routeList = list;
    if (JSON.stringify(list.map(routeSig)) !== before) this.out.routesChanged = true;
    if (isAbr) this.originateSummaries(intraByArea, inter, now);
  }

  /** ABR: one type-3 summary per prefix of the other areas (and backbone inter-area routes into non-backbone areas). */
  private originateSummaries(intraByArea: Map<string, SpfRoute[]>, inter: Map<string, SpfRoute>, now: SimTime): void {
    for (const area of this.areas.keys()) {
      if (![...this.ifaces.values()].some((i) => areaText(i.setup.areaId) === area)) continue;
      const want = new Map<string, { network: Ip; mask: Ip; cost: number }>();
      const offer = (network: Ip, prefixLength: number, cost: number) => {
        const k = formatIp(network);
        const cur = want.get(k);
        if (!cur || cost < cur.cost) want.set(k, { network, mask: prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0, cost });
      };
      for (const i of this.ifaces.values()) {
        if (areaText(i.setup.areaId) === area) continue;
        if (i.setup.kind === 'loopback') offer(i.setup.address, 32, i.setup.cost);
        else offer((i.setup.address & i.setup.mask) >>> 0, i.setup.prefixLength, i.setup.cost);
      }
      for (const [other, routes] of intraByArea) if (other !== area) for (const r of routes) offer(r.network, r.prefixLength, r.cost);
      if (area !== '0.0.0.0') for (const r of inter.values()) offer(r.network, r.prefixLength, r.cost);
      const db = this.areas.get(area)!;
      for (const [lsid, w] of want) this.originate(area, 3, lsid, { kind: 'summary', networkMask: formatIp(w.mask), metric: w.cost }, now);
      for (const e of db.all()) {
        const h = e.lsa.header;
        if (h.lsType === 3 && h.advertisingRouter === this.routerId && !want.has(h.linkStateId)) this.originate(area, 3, h.linkStateId, undefined, now);
      }
    }
  }

  // ---- sending -----------------------------------------------------------------------------

  private lsdbOf(i: Iface): Lsdb {
    return this.areas.get(areaText(i.setup.areaId))!;
  }

  private unicastTo(i: Iface, n: Neighbor): Ip {
    // IOS sends every OSPF packet on a point-to-point network to AllSPFRouters.
    return i.setup.kind === 'point-to-point' ? ALL_SPF : n.address;
  }

  private transmit(i: Iface, dst: Ip, body: OspfBody, kind: string): OspfTransmit {
    const payload = emitOspf({ routerId: this.routerId!, areaId: areaText(i.setup.areaId), body });
    const t: OspfTransmit = { interface: i.setup.name, src: i.setup.address, dst, ttl: 1, payload, kind };
    this.send(t);
    return t;
  }

  private send(t: OspfTransmit): void {
    this.out.packets.push(t);
  }

  private note(text: string): void {
    this.out.notes.push(text);
  }
}

const routeKey = (r: Route): string => `${r.network}/${r.prefixLength}/${r.nextHop ?? ''}/${r.interface ?? ''}`;
const routeSig = (r: Route): string => `${routeKey(r)}/${r.metric}/${r.code}`;

/** Same LSA contents (decides whether a re-origination is needed); field by field, no allocation. */
function sameBody(a: Lsa['body'], b: Lsa['body']): boolean {
  if (a.kind === 'router' && b.kind === 'router') {
    if (a.flags !== b.flags || a.links.length !== b.links.length) return false;
    return a.links.every((l, k) => {
      const m = b.links[k]!;
      return l.linkId === m.linkId && l.linkData === m.linkData && l.type === m.type && l.metric === m.metric && (l.tos?.length ?? 0) === (m.tos?.length ?? 0);
    });
  }
  if (a.kind === 'network' && b.kind === 'network') {
    return a.networkMask === b.networkMask && a.attachedRouters.length === b.attachedRouters.length && a.attachedRouters.every((r, k) => r === b.attachedRouters[k]);
  }
  if (a.kind === 'summary' && b.kind === 'summary') return a.networkMask === b.networkMask && a.metric === b.metric && (a.tosMetrics?.length ?? 0) === (b.tosMetrics?.length ?? 0);
  return false;
}

export type { NextHop };
