// A whole simulated network built from a lab: devices from their IOS configs, point-to-point
// Ethernet links, one scheduler, one trace, one capture. Deterministic: the same lab and seed
// give the same events, trace and bytes (MACs, IP ids and every later random choice come from
// SeededRandom, forked per device).
import { SeededRandom } from '../crypto/rng';
import { parseConfig as parseIosConfig } from '../ios';
import type { IosConfig } from '../ios/model';
import { Device, type DeviceKind, type NetworkContext } from './device';
import type { SimPlugin, TunnelEncapsulation, TunnelProtection } from './extensions';
import type { SimInterface } from './interface';
import { type CapturedFrame, DEFAULT_LINK_DELAY, Link, type LinkEnd } from './link';
import { Scheduler, type SimTime, SECOND } from './scheduler';
import { Trace } from './trace';
import { greEncapsulation, ipsecVtiWithoutIpsec } from './tunnel-gre';
import { natPlugin } from './nat/plugin';
import { ospfPlugin } from './ospf/plugin';
import { vpnPlugin } from './vpn/plugin';

/** The integrations every network gets unless `plugins` says otherwise (issue 5). */
export const DEFAULT_PLUGINS: readonly SimPlugin[] = [natPlugin, ospfPlugin, vpnPlugin];

/** The parts of a lab the engine reads (structurally a subset of src/lab's LabV1). */
export interface TopologySpec {
  seed?: number;
  devices: ReadonlyArray<{ name: string; kind: DeviceKind; config: string }>;
  links: ReadonlyArray<{ a: string; b: string }>;
}

export type ConfigParser = (text: string) => IosConfig;

export interface NetworkOptions {
  /** Overrides the lab's seed. */
  seed?: number | string;
  /** IOS text -> model; default src/ios parseConfig (unsupported lines are kept in the model). */
  parseConfig?: ConfigParser;
  /** Default DEFAULT_PLUGINS (NAT, OSPF, IPsec); [] for the bare core. */
  plugins?: SimPlugin[];
  linkDelay?: SimTime;
  /** Keep trace records (default true; benches turn it off). */
  keepTrace?: boolean;
  /** Keep captured frames (default true). */
  capture?: boolean;
}

export class TopologyError extends Error {}

export class Network implements NetworkContext {
  readonly scheduler = new Scheduler();
  readonly trace = new Trace();
  readonly devices = new Map<string, Device>();
  readonly links: Link[] = [];
  readonly capture: CapturedFrame[] = [];
  /** Captured frames forgotten from the front by forgetHistory (the capture starts later). */
  captureForgotten = 0;
  /**
   * Key material for Wireshark, appended by the IPsec and IKE plugins as SAs are created:
   * `espSa` holds esp_sa UAT lines, `ikev1` ikev1_decryption_table lines (`tunnelscope run
   * --keys / --ike-keys` write them).
   */
  readonly keyLog: { espSa: string[]; ikev1: string[] } = { espSa: [], ikev1: [] };
  readonly rng: SeededRandom;
  captureEnabled: boolean;
  private linkByEnd = new Map<string, Link>();
  private tunnelModes = new Map<string, TunnelEncapsulation>([
    ['gre ip', greEncapsulation],
    ['ipsec ipv4', ipsecVtiWithoutIpsec],
  ]);
  private protection: TunnelProtection | undefined;
  private refreshing = false;
  private refreshAgain = false;
  readonly plugins: SimPlugin[];

  constructor(seed: number | string, opts: { plugins?: SimPlugin[]; keepTrace?: boolean; capture?: boolean } = {}) {
    this.rng = new SeededRandom(seed);
    this.plugins = opts.plugins ?? [...DEFAULT_PLUGINS];
    this.trace.keep = opts.keepTrace ?? true;
    this.captureEnabled = opts.capture ?? true;
    for (const p of this.plugins) {
      for (const [mode, enc] of Object.entries(p.tunnelModes ?? {})) this.tunnelModes.set(mode, enc);
      if (p.tunnelProtection) this.protection = p.tunnelProtection;
    }
  }

  /**
   * Builds the network of a lab. Throws TopologyError for a link naming an unknown device or an
   * interface used twice (src/lab validation reports these first, in words).
   */
  static fromLab(spec: TopologySpec, opts: NetworkOptions = {}): Network {
    const parse = opts.parseConfig ?? ((text: string) => parseIosConfig(text).config);
    const net = new Network(opts.seed ?? spec.seed ?? 1, opts);
    const linked = new Map<string, string[]>();
    const ends: Array<[LinkEnd, LinkEnd]> = [];
    for (const [k, l] of spec.links.entries()) {
      const a = splitEnd(l.a, k);
      const b = splitEnd(l.b, k);
      ends.push([a, b]);
      for (const e of [a, b]) linked.set(e.device, [...(linked.get(e.device) ?? []), e.iface]);
    }
    for (const d of spec.devices) {
      if (net.devices.has(d.name)) throw new TopologyError(`device ${d.name} appears twice`);
      net.addDevice(d.name, d.kind, parse(d.config), linked.get(d.name) ?? []);
    }
    for (const [a, b] of ends) net.connect(a, b, opts.linkDelay ?? DEFAULT_LINK_DELAY);
    return net;
  }

  addDevice(name: string, kind: DeviceKind, config: IosConfig, linkedInterfaces: string[] = []): Device {
    const rng = this.rng.fork(`device/${name}`);
    const base = rng.fork('mac').bytes(6);
    // A unicast, locally administered base MAC; the last byte leaves room for the interface index.
    base[0] = (base[0]! & 0xfc) | 0x02;
    base[5] = base[5]! & 0xc0;
    const dev = new Device(name, kind, config, this, rng, base);
    dev.syncInterfaces(linkedInterfaces);
    this.devices.set(name, dev);
    return dev;
  }

  connect(a: LinkEnd, b: LinkEnd, delay: SimTime = DEFAULT_LINK_DELAY): Link {
    for (const e of [a, b]) {
      const dev = this.devices.get(e.device);
      if (!dev) throw new TopologyError(`link ${this.links.length + 1} names unknown device ${e.device}`);
      if (this.linkByEnd.has(endKey(e))) throw new TopologyError(`${e.device} ${e.iface} is cabled twice`);
      if (!dev.iface(e.iface)) dev.syncInterfaces([e.iface]);
      if (dev.iface(e.iface)!.kind !== 'ethernet') throw new TopologyError(`${e.device} ${e.iface} cannot take a cable`);
    }
    const link = new Link(this.links.length, a, b, delay);
    this.links.push(link);
    this.linkByEnd.set(endKey(a), link);
    this.linkByEnd.set(endKey(b), link);
    for (const e of [a, b]) this.devices.get(e.device)!.iface(e.iface)!.link = link;
    return link;
  }

  device(name: string): Device | undefined {
    return this.devices.get(name);
  }

  // ---- NetworkContext -------------------------------------------------------------------------

  linkOf(device: string, iface: string): Link | undefined {
    return this.linkByEnd.get(`${device} ${iface}`);
  }

  peerInterface(device: string, iface: string): SimInterface | undefined {
    const link = this.linkOf(device, iface);
    if (!link) return undefined;
    const peer = link.peerOf(device, iface);
    return this.devices.get(peer.device)?.iface(peer.iface);
  }

  tunnelMode(mode: string): TunnelEncapsulation | undefined {
    return this.tunnelModes.get(mode);
  }

  tunnelProtection(): TunnelProtection | undefined {
    return this.protection;
  }

  transmit(link: Link, from: LinkEnd, frame: Uint8Array, packetId: number): void {
    if (this.captureEnabled) this.capture.push({ link: link.index, time: this.scheduler.now, from, bytes: frame });
    const to = link.peerOf(from.device, from.iface);
    this.scheduler.schedule(link.delay, link.frameLabel(to), () => {
      this.devices.get(to.device)?.receiveFrame(to.iface, frame, packetId);
    });
  }

  /** Re-evaluates interface and route state on every device until nothing changes. */
  refresh(): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      // A device's state depends on its own config, its peers' configs (admin state) and its
      // own routes, so one pass settles the core; listeners and plugins that react to a change
      // ask for another pass through a nested refresh().
      for (let pass = 0; pass < 16; pass++) {
        this.refreshAgain = false;
        for (const d of this.devices.values()) d.settle();
        if (!this.refreshAgain) break;
      }
      for (const d of this.devices.values()) {
        d.refreshLocalArp();
        d.resolveNextHops();
      }
    } finally {
      this.refreshing = false;
    }
  }

  // ---- running --------------------------------------------------------------------------------

  private started = false;

  /** Brings interfaces up (logging as IOS boots), attaches plugins, resolves next hops. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const p of this.plugins) for (const d of this.devices.values()) p.attach?.(d);
    this.refresh();
  }

  /**
   * Lets the network settle: runs until no event is pending or `maxTime` of simulated time has
   * passed (periodic protocols never go idle, so the horizon bounds the run).
   */
  converge(maxTime: SimTime = 60 * SECOND): void {
    this.start();
    this.scheduler.runUntilIdle(this.scheduler.now + maxTime);
  }

  /** Runs events until `done()` is true or the clock would pass `deadline`; true if done. */
  runUntil(done: () => boolean, deadline: SimTime): boolean {
    this.start();
    while (!done()) {
      const next = this.scheduler.peekTime();
      if (next === undefined || next > deadline) {
        this.scheduler.runUntil(deadline);
        return done();
      }
      this.scheduler.step();
    }
    return true;
  }

  /**
   * Bounds what a long-running network remembers: the newest `records` trace records and the
   * newest `frames` captured frames. Key logs stay whole (they are small, and every SA matters).
   */
  forgetHistory(records: number, frames: number): void {
    this.trace.forgetOldest(records);
    const n = this.capture.length - frames;
    if (n > 0) {
      this.capture.splice(0, n);
      this.captureForgotten += n;
    }
  }

  runFor(duration: SimTime): void {
    this.start();
    this.scheduler.runFor(duration);
  }

  step(): boolean {
    this.start();
    return this.scheduler.step();
  }

  get now(): SimTime {
    return this.scheduler.now;
  }
}

const endKey = (e: LinkEnd): string => `${e.device} ${e.iface}`;

function splitEnd(text: string, index: number): LinkEnd {
  const m = /^(\S+) (\S+)$/.exec(text);
  if (!m) throw new TopologyError(`link ${index + 1}: "${text}" is not "DEVICE INTERFACE"`);
  return { device: m[1]!, iface: m[2]! };
}
