// Test support: OSPF engines joined by an in-process fake network on the real scheduler.
// Each segment is a broadcast domain (or a point-to-point link) between router interfaces;
// a packet reaches every other end for multicast and the end owning the address for unicast,
// 1 ms later. No IP, no Ethernet: just OSPF payloads, which is what the engines exchange.
import { emptyConfig, newInterface, newOspf, type IosConfig } from '../../ios/model';
import { parseIp, type Ip } from '../addr';
import { MILLISECOND, Scheduler, type EventHandle } from '../scheduler';
import { OspfEngine, type OspfOutput, type OspfTransmit } from './engine';
import type { OspfLinkState } from './config';

export interface RouterSpec {
  name: string;
  interfaces: Array<{ name: string; address: string; mask: string; hello?: number; dead?: number; mtu?: number; cost?: number }>;
  networks: Array<[string, string, string]>;
  routerId?: string;
  passive?: string[];
}

export function routerConfig(spec: RouterSpec): IosConfig {
  const c = emptyConfig(spec.name);
  for (const i of spec.interfaces) {
    const x = newInterface(i.name);
    x.ipAddress = { address: i.address, mask: i.mask };
    if (i.hello !== undefined) x.ospfHelloInterval = i.hello;
    if (i.dead !== undefined) x.ospfDeadInterval = i.dead;
    if (i.cost !== undefined) x.ospfCost = i.cost;
    c.interfaces.push(x);
  }
  const p = newOspf(1);
  if (spec.routerId) p.routerId = spec.routerId;
  p.networks = spec.networks.map(([address, wildcard, area]) => ({ address, wildcard, area }));
  p.passiveInterfaces = spec.passive ?? [];
  c.ospf.push(p);
  return c;
}

interface Node {
  spec: RouterSpec;
  engine: OspfEngine;
  wake?: EventHandle;
  logs: string[];
  notes: string[];
  sent: OspfTransmit[];
}

export class FakeOspfNetwork {
  readonly scheduler = new Scheduler();
  readonly nodes = new Map<string, Node>();
  /** Segments: lists of "ROUTER INTERFACE". */
  private segments: string[][] = [];
  /** Drop every packet crossing this segment index while true (a lossy link). */
  readonly blocked = new Set<number>();
  private segmentIndex?: Map<string, number[]>;

  constructor(specs: RouterSpec[], segments: string[][], options: { spfDelay?: number } = {}) {
    this.segments = segments;
    for (const spec of specs) {
      const engine = new OspfEngine(routerConfig(spec), 1, { spfDelay: options.spfDelay ?? 0, spfHold: 0 });
      this.nodes.set(spec.name, { spec, engine, logs: [], notes: [], sent: [] });
    }
  }

  start(): void {
    for (const [name, n] of this.nodes) {
      const links: OspfLinkState[] = n.spec.interfaces.map((i) => ({ name: i.name, up: true, mtu: i.mtu ?? 1500 }));
      n.engine.setLinks(links, this.scheduler.now);
      this.drain(name);
    }
  }

  engine(name: string): OspfEngine {
    return this.nodes.get(name)!.engine;
  }

  logs(name: string): string[] {
    return this.nodes.get(name)!.logs;
  }

  notes(name: string): string[] {
    return this.nodes.get(name)!.notes;
  }

  sent(name: string): OspfTransmit[] {
    return this.nodes.get(name)!.sent;
  }

  setLinks(name: string, links: OspfLinkState[]): void {
    this.engine(name).setLinks(links, this.scheduler.now);
    this.drain(name);
  }

  runFor(us: number): void {
    this.scheduler.runFor(us);
  }

  private addressOf(router: string, ifName: string): Ip | undefined {
    const i = this.nodes.get(router)!.spec.interfaces.find((x) => x.name === ifName);
    return i ? parseIp(i.address) : undefined;
  }

  private drain(name: string): void {
    const n = this.nodes.get(name)!;
    const out: OspfOutput = n.engine.takeOutput();
    n.logs.push(...out.logs);
    n.notes.push(...out.notes);
    n.sent.push(...out.packets);
    for (const p of out.packets) this.deliver(name, p);
    n.wake?.cancel();
    const at = n.engine.nextWakeup();
    if (at !== undefined) {
      n.wake = this.scheduler.at(at, `${name} ospf timer`, () => {
        n.engine.tick(this.scheduler.now);
        this.drain(name);
      });
    }
  }

  private deliver(from: string, p: OspfTransmit): void {
    const me = `${from} ${p.interface}`;
    if (!this.segmentIndex) {
      this.segmentIndex = new Map();
      this.segments.forEach((seg, index) => seg.forEach((end) => this.segmentIndex!.set(end, [...(this.segmentIndex!.get(end) ?? []), index])));
    }
    for (const index of this.segmentIndex.get(me) ?? []) {
      const seg = this.segments[index]!;
      if (this.blocked.has(index)) continue;
      for (const end of seg) {
        if (end === me) continue;
        const [router, ifName] = end.split(' ') as [string, string];
        const multicast = p.dst >>> 28 === 0xe;
        if (!multicast && this.addressOf(router, ifName) !== p.dst) continue;
        const payload = p.payload.slice();
        this.scheduler.schedule(MILLISECOND, `${from} -> ${router} ospf`, () => {
          this.engine(router).receive(ifName, p.src, p.dst, payload, this.scheduler.now);
          this.drain(router);
        });
      }
    }
  }
}
