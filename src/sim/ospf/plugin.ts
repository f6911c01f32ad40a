// OSPF as a simulation plugin (extensions.ts): one OspfEngine per `router ospf N` of a device,
// fed with protocol-89 packets (224.0.0.5 and 224.0.0.6 joined), interface state changes and
// config changes; its packets leave with device.sendIp (TTL 1, precedence 6 as IOS sends them,
// out of the named interface), its log lines go to the device log, its routes to the RIB as the
// "ospf" route source, and its timers run on the network scheduler.
import type { Device } from '../device';
import type { IpDelivery, SimPlugin } from '../extensions';
import type { SimInterface } from '../interface';
import type { EventHandle } from '../scheduler';
import { formatIp, ip } from '../addr';
import { ipProtocolsData } from './show';
import { OspfEngine, type OspfNeighborRow, type OspfProtocolInfo } from './engine';
import { databaseView, interfaceViews, processView, type OspfDatabaseView, type OspfInterfaceView, type OspfProcessView } from './views';
import type { OspfLinkState } from './config';
import type { OspfDebugFlags } from './debug-lines';

const OSPF = 89;
/** The console's debug names (src/console/exec-grammar.ts) and the engine switch each turns. */
const DEBUG_SWITCH: Record<string, keyof OspfDebugFlags | undefined> = { 'ip ospf hello': 'hello', 'ip ospf adj': 'adj', 'ip ospf events': 'events' };
/** IOS sends OSPF with IP precedence 6 (internetwork control): ToS byte 0xC0. */
const OSPF_TOS = 0xc0;

/** The OSPF processes of one device. */
export class OspfRuntime {
  readonly engines = new Map<number, OspfEngine>();
  private timer?: EventHandle;
  private busy = false;
  private again = false;

  constructor(readonly device: Device) {
    device.joinGroup(ip('224.0.0.5'));
    device.joinGroup(ip('224.0.0.6'));
    device.setProtocolHandler(OSPF, (d) => this.receive(d));
    device.onInterfaceChange((i) => this.linksChanged(i));
    device.onConfigChange(() => this.configChanged());
    this.configChanged();
  }

  /** Line protocol and IP MTU per interface, kept up to date one changed interface at a time. */
  private linkCache = new Map<string, OspfLinkState>();

  private links(): OspfLinkState[] {
    this.linkCache.clear();
    for (const i of this.device.interfaces.values()) this.linkCache.set(i.name, this.linkOf(i));
    return [...this.linkCache.values()];
  }

  private linkOf(i: SimInterface): OspfLinkState {
    return { name: i.name, up: i.usable, mtu: i.usable ? this.device.ipMtu(i) : 1500 };
  }

  private configChanged(): void {
    const now = this.device.now;
    const wanted = new Set(this.device.config.ipRouting ? this.device.config.ospf.map((p) => p.processId) : []);
    for (const id of [...this.engines.keys()]) {
      if (!wanted.has(id)) {
        // `no router ospf N`: its neighbours go down with it.
        const e = this.engines.get(id)!;
        e.setLinks([], now);
        this.engines.delete(id);
        this.flush(e);
      }
    }
    const links = this.links(); // `ip mtu`, addresses and shutdown may have changed too
    for (const id of wanted) {
      let e = this.engines.get(id);
      if (!e) {
        e = new OspfEngine(this.device.config, id);
        Object.assign(e.debug, this.debugFlags);
        this.engines.set(id, e);
      } else e.configure(this.device.config, now);
      e.setLinks(links, now);
    }
    this.drainAll();
  }

  private linksChanged(changed: SimInterface): void {
    if (this.engines.size === 0) return;
    const before = this.linkCache.get(changed.name);
    const now = this.linkOf(changed);
    if (before && before.up === now.up && before.mtu === now.mtu && this.linkCache.size === this.device.interfaces.size) return;
    this.linkCache.set(changed.name, now);
    if (this.linkCache.size !== this.device.interfaces.size) this.links();
    const links = [...this.linkCache.values()];
    for (const e of this.engines.values()) e.setLinks(links, this.device.now);
    this.drainAll();
  }

  private receive(d: IpDelivery): void {
    const src = ip(d.ip.src);
    const dst = ip(d.ip.dst);
    for (const e of this.engines.values()) {
      e.receive(d.ingress, src, dst, d.ip.payload, this.device.now);
      const out = e.takeOutput();
      // What the engine said about this packet (ignored hello and why, ...) goes in the trace.
      for (const note of out.notes) this.device.trace({ point: 'Deliver', packetId: d.packetId, ingress: d.ingress, decision: note, protocol: 'OSPF' });
      this.apply(out);
    }
    this.drainAll();
  }

  private apply(out: ReturnType<OspfEngine['takeOutput']>): void {
    for (const p of out.packets) {
      this.device.sendIp({
        dst: p.dst,
        src: p.src,
        protocol: OSPF,
        payload: p.payload,
        ttl: p.ttl,
        tos: OSPF_TOS,
        egress: p.interface,
        decision: `OSPF ${p.kind} to ${formatIp(p.dst)} out ${p.interface}`,
      });
    }
    for (const line of out.logs) this.device.log(line);
    if (out.routesChanged) this.pushRoutes();
  }

  private pushRoutes(): void {
    const routes = [...this.engines.values()].flatMap((e) => e.routes());
    this.device.setRouteSource('ospf', routes);
  }

  private flush(e: OspfEngine): void {
    this.apply(e.takeOutput());
    this.pushRoutes();
  }

  /** Sends what every engine produced and re-arms the timer; re-entrant calls are folded in. */
  private drainAll(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        for (const e of this.engines.values()) this.apply(e.takeOutput());
      } while (this.again);
    } finally {
      this.busy = false;
    }
    this.arm();
  }

  private arm(): void {
    this.timer?.cancel();
    this.timer = undefined;
    let at: number | undefined;
    for (const e of this.engines.values()) {
      const t = e.nextWakeup();
      if (t !== undefined && (at === undefined || t < at)) at = t;
    }
    if (at === undefined) return;
    this.timer = this.device.net.scheduler.at(at, `${this.device.name} OSPF timers`, () => {
      this.timer = undefined;
      for (const e of this.engines.values()) e.tick(this.device.now);
      this.drainAll();
    });
  }

  /** `debug ip ospf hello|adj|events` (and `undebug all`): their lines in the device log, so on the console. */
  private debugFlags: OspfDebugFlags = { hello: false, adj: false, events: false };

  debug(what: string, on: boolean): void {
    const which = what === 'all' ? (['hello', 'adj', 'events'] as const) : DEBUG_SWITCH[what] ? [DEBUG_SWITCH[what]] : [];
    for (const k of which) this.debugFlags[k] = on;
    for (const e of this.engines.values()) Object.assign(e.debug, this.debugFlags);
  }

  fullNeighborCount(): number {
    let n = 0;
    for (const e of this.engines.values()) n += e.fullNeighborCount();
    return n;
  }

  neighbors(): OspfNeighborRow[] {
    return [...this.engines.values()].flatMap((e) => e.neighbors(this.device.now));
  }

  protocols(): OspfProtocolInfo[] {
    return [...this.engines.values()].map((e) => e.protocolInfo(this.device.now));
  }

  /** `show ip ospf interface`: every process's interfaces. */
  interfaceViews(): OspfInterfaceView[] {
    return [...this.engines.values()].flatMap((e) => interfaceViews(e.viewSource(), this.device.now));
  }

  /** `show ip ospf database`: one entry per process. */
  databaseViews(): OspfDatabaseView[] {
    return [...this.engines.values()].map((e) => databaseView(e.viewSource(), this.device.now));
  }

  /** `show ip ospf`: one entry per process. */
  processViews(): OspfProcessView[] {
    return [...this.engines.values()].map((e) => processView(e.viewSource(), this.device.now));
  }

  /** Data for the console's `show ip protocols`. */
  ipProtocols(): ReturnType<typeof ipProtocolsData> {
    return ipProtocolsData(this.protocols());
  }
}

const runtimes = new WeakMap<Device, OspfRuntime>();

/** The OSPF runtime of a device (console queries: show ip ospf neighbor, show ip protocols). */
export function ospfOf(device: Device): OspfRuntime | undefined {
  return runtimes.get(device);
}

export const ospfPlugin: SimPlugin = {
  name: 'ospf',
  attach(device) {
    if (device.kind === 'host') return;
    const rt = new OspfRuntime(device);
    runtimes.set(device, rt);
    // The console finds its show data as optional methods on the device (src/console/sim-adapter.ts).
    const d = device as unknown as Record<string, unknown>;
    // Chained, as the IPsec plugin chains its own: every plugin hears `debug`/`undebug all`.
    const prevDebug = typeof d.debug === 'function' ? (d.debug as (w: string, on: boolean) => void) : undefined;
    d.debug = (what: string, on: boolean) => {
      prevDebug?.call(device, what, on);
      rt.debug(what, on);
    };
    Object.assign(device, {
      ospfNeighbors: () => rt.neighbors(),
      ipProtocols: () => rt.ipProtocols(),
      ospfInterfaces: () => rt.interfaceViews(),
      ospfDatabase: () => rt.databaseViews(),
      ospfProcesses: () => rt.processViews(),
    });
  },
};
