// One simulated IOS device (router, host or NAT box): interfaces and their state, routing table,
// ARP, and the IPv4 packet path (receive, local delivery, forwarding, tunnels, output). The
// packet path itself lives in ip-stack.ts; this file holds the state and its evaluation.
import type { SeededRandom } from '../crypto/rng';
import { type IosConfig, newInterface } from '../ios/model';
import { type Ip, formatIp, networkOf, parseIp, prefixFromMask } from './addr';
import { ArpCache } from './arp';
import type {
  FeatureContext, FeatureVerdict, InterfaceFeature, ProtocolHandler, TunnelEncapsulation, TunnelProtection, UdpHandler,
} from './extensions';
import type { Ipv4Packet } from '../wire/ipv4';
import { Ipv4Reassembler } from '../wire/ipv4-fragment';
import { parseIpv4 } from '../wire/ipv4';
import { SimInterface } from './interface';
import type { Link, LinkEnd } from './link';
import { LogBuffer } from './logging';
import { type Resolution, Rib, type Route } from './rib';
import { ipInput, receiveFrame, resolveOriginated, routeOriginated, sendArpRequest, sendIp, type SendOptions, type SendResult } from './ip-stack';
import { emitUdp } from '../wire/udp';
import type { Scheduler } from './scheduler';
import { SECOND } from './scheduler';
import type { Trace, TraceRecord } from './trace';

export type DeviceKind = 'router' | 'host' | 'nat';

/** What a device needs from its network (kept as an interface so device.ts does not import network.ts). */
export interface NetworkContext {
  readonly scheduler: Scheduler;
  readonly trace: Trace;
  transmit(link: Link, from: LinkEnd, frame: Uint8Array, packetId: number): void;
  linkOf(device: string, iface: string): Link | undefined;
  peerInterface(device: string, iface: string): SimInterface | undefined;
  tunnelMode(mode: string): TunnelEncapsulation | undefined;
  tunnelProtection(): TunnelProtection | undefined;
  /** Re-evaluate interface and route state on every device until it settles. */
  refresh(): void;
}

/** IOS's discard interface: always up, static routes to it drop what they match. */
export const NULL_INTERFACE = 'Null0';

/** How long a tunnel stays down after IOS detects recursive routing. */
export const RECURSION_HOLD = 60 * SECOND;

type Listener<T> = (v: T) => void;

/** The base table for questions that never read one (static route candidates). */
const EMPTY_RIB = new Rib();

export class Device {
  readonly interfaces = new Map<string, SimInterface>();
  readonly rib = new Rib();
  readonly arp = new ArpCache();
  readonly logs = new LogBuffer();
  /** IOS holds fragments 15 s (RFC 791's suggestion as well). */
  readonly reassembler = new Ipv4Reassembler({ timeout: 15 * SECOND });
  readonly udpHandlers = new Map<number, UdpHandler>();
  readonly protocolHandlers = new Map<number, ProtocolHandler>();
  readonly groups = new Set<Ip>();
  readonly features: InterfaceFeature[] = [];
  /** Locally delivered ICMP messages go here too (ping and traceroute listen). */
  readonly icmpListeners = new Set<(d: { ip: Ipv4Packet; bytes: Uint8Array; ingress: string }) => void>();
  private interfaceListeners: Listener<SimInterface>[] = [];
  private configListeners: Listener<Device>[] = [];
  /** IPv4 identification counter for packets this device originates. */
  ipId = 0;
  /** Last time an ICMP unreachable was sent (IOS rate-limits them, one per 500 ms). */
  lastUnreachable = -Infinity;
  private routeSources = new Map<string, Route[]>();
  /** Parsed static routes by their config text (configs change rarely, refreshes often). */
  private staticCache = new Map<string, Route | null>();
  /** Console lines (log messages) not yet shown by a console session. */
  private consoleQueue: string[] = [];
  /** Interface addresses as the lab loaded them: `show ip interface brief` says NVRAM for these. */
  readonly startupAddresses = new Map<string, string>();
  private booted = false;

  constructor(
    readonly name: string,
    readonly kind: DeviceKind,
    public config: IosConfig,
    readonly net: NetworkContext,
    readonly rng: SeededRandom,
    /** Base MAC (6 bytes); interface N gets base + N, like the consecutive MACs of a real chassis. */
    private readonly baseMac: Uint8Array,
  ) {
    this.ipId = rng.int(0, 0xffff);
    this.syncInterfaces();
    for (const i of config.interfaces) if (i.ipAddress) this.startupAddresses.set(i.name, `${i.ipAddress.address} ${i.ipAddress.mask}`);
    this.logs.subscribe((_e, line) => this.consoleQueue.push(line));
  }

  get now(): number {
    return this.net.scheduler.now;
  }

  /** IOS `ip routing` (hosts have `no ip routing`). */
  get routing(): boolean {
    return this.config.ipRouting;
  }

  iface(name: string): SimInterface | undefined {
    return this.interfaces.get(name);
  }

  /** Interfaces in the order IOS lists them (show ip interface brief). */
  interfaceList(): SimInterface[] {
    return [...this.interfaces.values()].sort((a, b) => compareInterfaceNames(a.name, b.name));
  }

  // ---- configuration ------------------------------------------------------------------------

  /** Makes the interface objects match the config (and the links, which add interfaces too). */
  syncInterfaces(linked: string[] = []): void {
    for (const name of linked) {
      if (!this.config.interfaces.some((i) => i.name === name)) this.config.interfaces.push(newInterface(name));
    }
    for (const ic of this.config.interfaces) {
      const cur = this.interfaces.get(ic.name);
      if (cur) cur.config = ic;
      else this.interfaces.set(ic.name, new SimInterface(ic, this.macFor(ic.name)));
    }
    for (const name of [...this.interfaces.keys()]) {
      if (!this.config.interfaces.some((i) => i.name === name)) this.interfaces.delete(name);
    }
  }

  private macFor(name: string): string | undefined {
    if (!/Ethernet/i.test(name)) return undefined;
    const nums = (name.match(/\d+/g) ?? ['0']).map(Number);
    const index = nums.reduce((acc, n) => acc * 16 + n, 0) & 0xff;
    const b = this.baseMac.slice();
    b[5] = (b[5]! + index) & 0xff;
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');
  }

  /**
   * Applies a changed config (the console edits `device.config` in place or replaces it):
   * interfaces, routes and tunnels are re-evaluated and IOS logs the changes.
   */
  applyConfig(config: IosConfig = this.config): void {
    this.config = config;
    // Edits may change a route in place (`ip route ...` with a new distance): parse again.
    this.candidateCache = undefined;
    this.syncInterfaces();
    for (const fn of this.configListeners) fn(this);
    this.net.refresh();
  }

  onConfigChange(fn: Listener<Device>): void {
    this.configListeners.push(fn);
  }

  onInterfaceChange(fn: Listener<SimInterface>): void {
    this.interfaceListeners.push(fn);
  }

  // ---- extension hooks (see extensions.ts) ---------------------------------------------------

  bindUdp(port: number, handler: UdpHandler): void {
    this.udpHandlers.set(port, handler);
  }

  setProtocolHandler(protocol: number, handler: ProtocolHandler): void {
    this.protocolHandlers.set(protocol, handler);
  }

  joinGroup(group: Ip): void {
    this.groups.add(group);
  }

  /**
   * Addresses this device also answers ARP for on one interface (IOS NAT answers for the
   * global addresses of static translations on the outside interface).
   */
  readonly arpAliases = new Map<Ip, string>();

  addArpAlias(address: Ip, iface: string): void {
    this.arpAliases.set(address, iface);
  }

  addFeature(feature: InterfaceFeature): void {
    this.features.push(feature);
  }

  /** Replaces the routes one source (e.g. "ospf") offers, then re-evaluates state. */
  setRouteSource(source: string, routes: Route[]): void {
    this.routeSources.set(source, routes);
    this.rib.setSourceRoutes(source, routes);
    // New routes change only this device's state (its tunnels); peers need no re-evaluation.
    this.refreshSelf();
  }

  private updating = false;
  private dirty = false;

  /** Re-evaluates this device alone (route changes); a change made while it updates runs again. */
  refreshSelf(): void {
    if (this.updating) {
      this.dirty = true;
      return;
    }
    this.settle();
    this.refreshLocalArp();
    this.resolveNextHops();
  }

  /** updateState until no listener asked for another pass; true when anything changed. */
  settle(): boolean {
    let changed = false;
    for (let pass = 0; pass < 8; pass++) {
      this.dirty = false;
      changed = this.updateState() || changed;
      if (!this.dirty) break;
    }
    return changed;
  }

  runFeatures(stage: 'input' | 'output', ctx: FeatureContext): FeatureVerdict {
    // Per packet: the context is copied only when a feature rewrote the bytes, and the decision
    // text only joined when there is more than one.
    let cur = ctx;
    let decision: string | undefined;
    for (const f of this.features) {
      const fn = f[stage];
      if (!fn) continue;
      const v = fn.call(f, cur);
      if (v.action !== 'continue') return v;
      if (v.decision) decision = decision === undefined ? v.decision : `${decision}; ${v.decision}`;
      if (v.bytes) {
        const parsed = parseIpv4(v.bytes, { verifyChecksum: false });
        cur = { ...cur, bytes: v.bytes, ip: parsed.ok ? parsed.value : cur.ip };
      }
    }
    return { action: 'continue', bytes: cur.bytes, decision };
  }

  // ---- logging ------------------------------------------------------------------------------

  log(message: string): void {
    this.logs.add(this.now, message);
  }

  /** Log lines printed on the console since the last call (IOS prints them between commands). */
  drainConsole(): string[] {
    const out = this.consoleQueue;
    this.consoleQueue = [];
    return out;
  }

  // ---- addresses ----------------------------------------------------------------------------

  /** True when `addr` is one of this device's addresses on an interface that is up. */
  isLocalAddress(addr: Ip): boolean {
    return this.localAddresses.has(addr);
  }

  /** Addresses of interfaces that are up, rebuilt whenever state is re-evaluated. */
  private localAddresses = new Set<Ip>();

  private rebuildLocalAddresses(): void {
    this.localAddresses.clear();
    for (const i of this.interfaces.values()) {
      if (!i.usable) continue;
      const a = i.address;
      if (a) this.localAddresses.add(a.ip);
      for (const s of i.config.secondaryAddresses) {
        const v = parseIp(s.address);
        if (v !== undefined) this.localAddresses.add(v);
      }
    }
  }

  /** Directed broadcast of a connected subnet, or the limited broadcast. */
  isBroadcastFor(addr: Ip, ingress: SimInterface): boolean {
    if (addr === 0xffffffff) return true;
    const a = ingress.address;
    if (!a || a.prefixLength >= 31) return false;
    return (addr | ((1 << (32 - a.prefixLength)) - 1)) >>> 0 === addr && networkOf(addr, a.prefixLength) === networkOf(a.ip, a.prefixLength);
  }

  /** The address a tunnel uses as its source (`tunnel source` interface or address). */
  tunnelSourceAddress(t: SimInterface): { ip: Ip; iface: SimInterface } | undefined {
    const src = t.config.tunnelSource;
    if (!src) return undefined;
    const asIp = parseIp(src);
    if (asIp !== undefined) {
      for (const i of this.interfaces.values()) if (i.address?.ip === asIp && i.usable) return { ip: asIp, iface: i };
      return undefined;
    }
    const i = this.interfaces.get(src);
    const a = i?.address;
    if (!i || !a || !i.usable) return undefined;
    return { ip: a.ip, iface: i };
  }

  tunnelDestinationAddress(t: SimInterface): Ip | undefined {
    return t.config.tunnelDestination ? parseIp(t.config.tunnelDestination) : undefined;
  }

  /** Default IP MTU of a tunnel: transport MTU minus the mode's overhead (GRE: 1500 - 24 = 1476). */
  tunnelIpMtu(t: SimInterface): number {
    const mode = this.net.tunnelMode(t.config.tunnelMode);
    return 1500 - (mode ? mode.overhead(this, t) : 24);
  }

  /** The IP MTU of an interface: `ip mtu` if set, else the hardware (or tunnel) default. */
  ipMtu(i: SimInterface): number {
    const configured = i.config.ipMtu ?? (i.kind === 'tunnel' ? this.tunnelIpMtu(i) : i.mtu);
    if (i.kind !== 'tunnel' || !i.pathMtu || !i.config.tunnelPathMtuDiscovery) return configured;
    if (this.now >= i.pathMtu.until) {
      i.pathMtu = undefined;
      return configured;
    }
    const mode = this.net.tunnelMode(i.config.tunnelMode);
    return Math.min(configured, i.pathMtu.mtu - (mode ? mode.overhead(this, i) : 24));
  }

  // ---- state evaluation -----------------------------------------------------------------------

  /**
   * Re-evaluates interface status, line protocol and routes; logs each change as IOS does.
   * Returns true when anything changed (the network repeats until every device settles).
   */
  updateState(): boolean {
    if (this.updating) {
      this.dirty = true;
      return false;
    }
    this.updating = true;
    try {
      return this.evaluate();
    } finally {
      this.updating = false;
    }
  }

  private evaluate(): boolean {
    let changed = false;
    for (const i of this.interfaces.values()) {
      if (i.kind === 'tunnel') continue;
      let status: SimInterface['status'];
      let line: boolean;
      if (!i.adminUp) {
        status = 'administratively down';
        line = false;
      } else if (i.kind === 'loopback') {
        status = 'up';
        line = true;
      } else {
        const peer = this.net.peerInterface(this.name, i.name);
        status = peer && peer.adminUp ? 'up' : 'down';
        line = status === 'up';
      }
      changed = this.setState(i, status, line) || changed;
    }
    this.recomputeRoutes();
    for (let pass = 0; pass < 4; pass++) {
      let tunnelChanged = false;
      for (const t of this.interfaces.values()) {
        if (t.kind !== 'tunnel') continue;
        const { status, line, reason, recursive } = this.evaluateTunnel(t);
        if (recursive) {
          // IOS brings the tunnel up, routes through it, notices the loop and disables it:
          // up, %TUN-5-RECURDOWN, down; it retries later and flaps the same way while the loop lasts.
          if (!t.lineProtocol) this.setState(t, 'up', true);
          this.log(`%TUN-5-RECURDOWN: ${t.name} temporarily disabled due to recursive routing`);
          t.recursionHoldUntil = this.now + RECURSION_HOLD;
          this.net.scheduler.schedule(RECURSION_HOLD, `${this.name} ${t.name} recursion hold ends`, () => this.net.refresh());
        }
        t.downReason = line ? undefined : reason;
        if (this.setState(t, status, line)) tunnelChanged = true;
      }
      if (!tunnelChanged) break;
      changed = true;
      this.recomputeRoutes();
    }
    if (!this.booted) this.booted = true;
    return changed;
  }

  private setState(i: SimInterface, status: SimInterface['status'], line: boolean): boolean {
    let changed = false;
    if (i.status !== status) {
      if (status === 'administratively down') this.log(`%LINK-5-CHANGED: Interface ${i.name}, changed state to administratively down`);
      else this.log(`%LINK-3-UPDOWN: Interface ${i.name}, changed state to ${status}`);
      i.status = status;
      changed = true;
    }
    if (i.lineProtocol !== line) {
      // At boot IOS logs only interfaces that come up; a down-to-down start is silent.
      this.log(`%LINEPROTO-5-UPDOWN: Line protocol on Interface ${i.name}, changed state to ${line ? 'up' : 'down'}`);
      i.lineProtocol = line;
      i.lastChange = this.now;
      if (!line) this.arp.flushInterface(i.name);
      changed = true;
    }
    if (changed) for (const fn of this.interfaceListeners) fn(i);
    return changed;
  }

  private evaluateTunnel(t: SimInterface): { status: SimInterface['status']; line: boolean; reason?: string; recursive?: boolean } {
    if (!t.adminUp) return { status: 'administratively down', line: false, reason: 'administratively down' };
    const mode = this.net.tunnelMode(t.config.tunnelMode);
    if (!mode) return { status: 'up', line: false, reason: `tunnel mode ${t.config.tunnelMode} is not supported` };
    if (!this.tunnelSourceAddress(t)) return { status: 'up', line: false, reason: 'the tunnel source is down or has no address' };
    const dst = this.tunnelDestinationAddress(t);
    if (dst === undefined) return { status: 'up', line: false, reason: 'no tunnel destination' };
    if (t.recursionHoldUntil !== undefined && this.now < t.recursionHoldUntil) {
      return { status: 'up', line: false, reason: 'temporarily disabled due to recursive routing' };
    }
    // Route to the destination as if this tunnel were up: through itself means recursion.
    const rib = t.lineProtocol || !this.mightRouteThrough(t, dst) ? this.rib : this.hypotheticalRib(t.name);
    const res = rib.resolve(dst);
    if (!res) return { status: 'up', line: false, reason: `no route to the tunnel destination ${formatIp(dst)}` };
    if (res.interface === t.name) {
      return { status: 'up', line: false, reason: 'recursive routing: the tunnel destination is routed through the tunnel itself', recursive: true };
    }
    const extra = mode.lineProtocol?.(this, t);
    if (extra && !extra.up) return { status: 'up', line: false, reason: extra.reason ?? 'down' };
    return { status: 'up', line: true };
  }

  /**
   * Cheap test before building a hypothetical table: could a route through the (down) tunnel `t`
   * match `dst` at least as specifically as today's best route? Only then can recursion happen.
   */
  private mightRouteThrough(t: SimInterface, dst: Ip): boolean {
    const today = this.rib.lookup(dst);
    if (!today) return true;
    const len = today[0]!.prefixLength;
    const a = t.address;
    if (a && a.prefixLength >= len && networkOf(dst, a.prefixLength) === networkOf(a.ip, a.prefixLength)) return true;
    for (const r of this.staticRoutes(EMPTY_RIB, new Set([t.name]), true)) {
      if (r.prefixLength < len || networkOf(dst, r.prefixLength) !== r.network) continue;
      if (r.interface === t.name) return true;
      if (r.nextHop !== undefined && a && networkOf(r.nextHop, a.prefixLength) === networkOf(a.ip, a.prefixLength)) return true;
    }
    return false;
  }

  /** The routing table this device would have if interface `assumeUp` were up. */
  private hypotheticalRib(assumeUp: string): Rib {
    const rib = new Rib();
    for (const [src, routes] of this.routeSources) rib.setSourceRoutes(src, routes);
    const connected = this.connectedRoutes(new Set([assumeUp]));
    rib.setSourceRoutes('connected', connected);
    rib.setSourceRoutes('static', this.staticRoutes(rib, new Set([assumeUp])));
    return rib;
  }

  /** Connected (C) and local (L) routes of every interface that is up and up. */
  connectedRoutes(assumeUp: Set<string> = new Set()): Route[] {
    const out: Route[] = [];
    for (const i of this.interfaces.values()) {
      if (!i.usable && !assumeUp.has(i.name)) continue;
      const addrs = [i.config.ipAddress, ...i.config.secondaryAddresses].filter((a) => a !== undefined);
      for (const a of addrs) {
        const ipv = parseIp(a.address);
        const mask = parseIp(a.mask);
        const len = mask === undefined ? undefined : prefixFromMask(mask);
        if (ipv === undefined || len === undefined) continue;
        out.push({ network: networkOf(ipv, len), prefixLength: len, code: 'C', distance: 0, metric: 0, interface: i.name, source: 'connected' });
        if (len < 32 || i.kind === 'loopback') {
          out.push({ network: ipv, prefixLength: 32, code: 'L', distance: 0, metric: 0, interface: i.name, source: 'connected' });
        }
      }
    }
    return out;
  }

  /**
   * Static routes that IOS would install: an interface route needs its interface up; a next-hop
   * route needs its next hop reachable (recursively, through routes other than itself).
   */
  staticRoutes(base: Rib, assumeUp: Set<string> = new Set(), candidatesOnly = false): Route[] {
    if (!this.routing) return [];
    const candidates = this.staticCandidates();
    if (candidatesOnly || candidates.length === 0) return candidates;
    // Iterate: a next-hop route may resolve through another static route installed in this pass.
    const installed: Route[] = [];
    let pending = candidates;
    const rib = new Rib();
    for (const src of ['connected', ...this.routeSources.keys()]) rib.setSourceRoutes(src, [...base.sourceRoutes(src)]);
    for (let pass = 0; pass < 8 && pending.length > 0; pass++) {
      let progress = false;
      const next: Route[] = [];
      for (const r of pending) {
        let ok: boolean;
        if (r.interface === NULL_INTERFACE) {
          ok = true;
        } else if (r.interface !== undefined) {
          const i = this.interfaces.get(r.interface);
          ok = !!i && (i.usable || assumeUp.has(i.name));
        } else if (r.nextHop !== undefined) {
          const self = (x: Route) => x.network === r.network && x.prefixLength === r.prefixLength && x.source === 'static';
          ok = rib.resolve(r.nextHop, self) !== undefined;
        } else ok = false;
        if (ok) {
          installed.push(r);
          progress = true;
        } else next.push(r);
      }
      pending = next;
      if (!progress) break;
      rib.setSourceRoutes('static', installed);
    }
    return installed;
  }

  private candidateCache?: { routes: IosConfig['routes']; length: number; list: Route[] };

  /** The configured static routes, parsed (cached until the route list changes). */
  private staticCandidates(): Route[] {
    const routes = this.config.routes;
    const c = this.candidateCache;
    if (c && c.routes === routes && c.length === routes.length) return c.list;
    const list: Route[] = [];
    for (const s of routes) {
      const k = `${s.prefix} ${s.mask} ${s.nextHop ?? ''} ${s.interface ?? ''} ${s.distance ?? 1}`;
      let r = this.staticCache.get(k);
      if (r === undefined) {
        const net = parseIp(s.prefix);
        const mask = parseIp(s.mask);
        const len = mask === undefined ? undefined : prefixFromMask(mask);
        r = net === undefined || len === undefined ? null : {
          network: networkOf(net, len), prefixLength: len, code: 'S', distance: s.distance ?? 1, metric: 0,
          nextHop: s.nextHop ? parseIp(s.nextHop) : undefined, interface: s.interface, source: 'static',
        };
        this.staticCache.set(k, r);
      }
      if (r) list.push(r);
    }
    this.candidateCache = { routes, length: routes.length, list };
    return list;
  }

  recomputeRoutes(): void {
    this.rebuildLocalAddresses();
    this.rib.setSourceRoutes('connected', this.connectedRoutes());
    this.rib.setSourceRoutes('static', this.staticRoutes(this.rib));
  }

  /** Local ARP entries (own addresses, Age "-") for show arp. */
  refreshLocalArp(): void {
    for (const i of this.interfaces.values()) {
      const a = i.address;
      if (a && i.mac && i.usable) this.arp.setLocal(a.ip, i.mac, i.name);
    }
  }

  // ---- packet path (ip-stack.ts) ---------------------------------------------------------------

  /** Originates an IPv4 packet (ICMP, UDP for IKE, OSPF hellos with `egress` and TTL 1, ...). */
  sendIp(o: SendOptions): SendResult {
    return sendIp(this, o);
  }

  /** Sends a UDP datagram from this device (IKE uses ports 500 and 4500). */
  sendUdp(o: { dst: Ip; src?: Ip; srcPort: number; dstPort: number; payload: Uint8Array; packetId?: number; decision?: string }): SendResult {
    const src = o.src ?? resolveSource(this, o.dst);
    if (src === undefined) return { ok: false, packetId: o.packetId ?? 0, reason: `no route to ${formatIp(o.dst)}` };
    const udp = emitUdp({ srcPort: o.srcPort, dstPort: o.dstPort }, o.payload, { src: formatIp(src), dst: formatIp(o.dst) });
    return sendIp(this, { dst: o.dst, src, protocol: 17, payload: udp, packetId: o.packetId, decision: o.decision ?? `UDP ${o.srcPort} -> ${formatIp(o.dst)}:${o.dstPort}` });
  }

  /** Hands a packet to the IPv4 input path as if it arrived on `ingress` (plugins: decrypted ESP). */
  receiveIp(ingress: string, bytes: Uint8Array, packetId: number): void {
    const i = this.interfaces.get(ingress);
    if (!i) return;
    if (i.kind === 'tunnel') {
      i.counters.inputPackets++;
      i.counters.inputBytes += bytes.length;
      i.lastInput = this.now;
    }
    ipInput(this, i, bytes, packetId);
  }

  /** Routes a complete packet as if this device originated it (crypto map output, NAT). */
  routePacket(bytes: Uint8Array, packetId: number, decision?: string): boolean {
    return routeOriginated(this, bytes, packetId, 0, decision);
  }

  /** A frame arriving from a link. */
  receiveFrame(iface: string, frame: Uint8Array, packetId: number): void {
    receiveFrame(this, iface, frame, packetId);
  }

  /** Where a packet to `dst` would leave (routers: RIB; hosts: connected, then default gateway). */
  resolve(dst: Ip): Resolution | undefined {
    return resolveOriginated(this, dst);
  }

  /** IOS CEF builds adjacencies for static next hops: ARP for them once they are installed. */
  resolveNextHops(): void {
    if (!this.routing) return;
    for (const r of this.rib.routes()) {
      if (r.code !== 'S' || r.nextHop === undefined) continue;
      const res = this.rib.resolve(r.nextHop);
      const i = res ? this.interfaces.get(res.interface) : undefined;
      if (!res || !i || i.kind !== 'ethernet' || this.arp.lookup(res.nextHop, this.now)) continue;
      sendArpRequest(this, i, res.nextHop);
    }
  }

  // ---- trace helper ---------------------------------------------------------------------------

  /**
   * True when a trace record would be kept or heard. The packet path tests it before building a
   * record, so that with the trace off no decision text or protocol label is made per packet.
   */
  get tracing(): boolean {
    return this.net.trace.active;
  }

  trace(rec: Omit<TraceRecord, 'seq' | 'time' | 'device'>): void {
    if (!this.net.trace.active) return;
    this.net.trace.emit({ time: this.now, device: this.name, ...rec });
  }
}

function resolveSource(dev: Device, dst: Ip): Ip | undefined {
  const res = resolveOriginated(dev, dst);
  const i = res ? dev.iface(res.interface) : undefined;
  return i?.address?.ip;
}

/** IOS order: by type (Ethernet-like first, then Loopback, then Tunnel), then by numbers. */
export function compareInterfaceNames(a: string, b: string): number {
  const rank = (n: string) => (/^Loopback/i.test(n) ? 1 : /^Tunnel/i.test(n) ? 2 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const ta = a.replace(/[\d/.]+$/, '');
  const tb = b.replace(/[\d/.]+$/, '');
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = (a.match(/\d+/g) ?? []).map(Number);
  const nb = (b.match(/\d+/g) ?? []).map(Number);
  for (let k = 0; k < Math.max(na.length, nb.length); k++) {
    const d = (na[k] ?? -1) - (nb[k] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
