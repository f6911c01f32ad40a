// A tiny network for the IKE tests: engines joined by a wire with 1 ms delay, an optional
// NAT (one inside address translated to a public one, ports remapped as PAT does) and an
// optional filter that drops datagrams. Runs until idle or a horizon, driving tick().
import { SeededRandom } from '../../crypto/rng';
import { ip } from '../addr';
import { MILLISECOND, SECOND, type SimTime } from '../scheduler';
import { IkeEngine } from './engine';
import type { IkeConfig, IkeDatagram, IkeEvent, IkeLog, Ip, IpsecPolicy, IsakmpPolicy, TransformSet } from './types';

export interface NatRule {
  inside: Ip;
  outside: Ip;
  /** Inside source port -> outside port (PAT). Identity when absent. */
  ports?: Record<number, number>;
}

export interface Captured {
  time: SimTime;
  datagram: IkeDatagram;
}

export class FakeNet {
  readonly engines = new Map<Ip, IkeEngine>();
  readonly logs = new Map<Ip, IkeLog[]>();
  readonly events = new Map<Ip, IkeEvent[]>();
  /** Every datagram as it crossed the wire (after NAT on the outside). */
  readonly wire: Captured[] = [];
  now: SimTime = 0;
  private queue: { at: SimTime; d: IkeDatagram }[] = [];

  constructor(
    public nat?: NatRule,
    public drop: (d: IkeDatagram) => boolean = () => false,
  ) {}

  add(address: Ip, config: IkeConfig, seed: string | number): IkeEngine {
    const e = new IkeEngine(config, new SeededRandom(seed));
    this.engines.set(address, e);
    this.logs.set(address, []);
    this.events.set(address, []);
    return e;
  }

  initiate(address: Ip, policy: IpsecPolicy): void {
    this.absorb(address, this.engines.get(address)!.initiate(policy, this.now));
  }

  private absorb(address: Ip, o: { send: IkeDatagram[]; logs: IkeLog[]; events: IkeEvent[] }): void {
    this.logs.get(address)!.push(...o.logs);
    this.events.get(address)!.push(...o.events);
    for (const d of o.send) this.queue.push({ at: this.now + MILLISECOND, d: this.translateOut(d) });
  }

  private translateOut(d: IkeDatagram): IkeDatagram {
    if (this.nat && d.srcIp === this.nat.inside) return { ...d, srcIp: this.nat.outside, srcPort: this.nat.ports?.[d.srcPort] ?? d.srcPort };
    if (this.nat && d.dstIp === this.nat.outside) {
      const back = Object.entries(this.nat.ports ?? {}).find(([, o]) => o === d.dstPort);
      return { ...d, dstIp: this.nat.inside, dstPort: back ? Number(back[0]) : d.dstPort };
    }
    return d;
  }

  /** Delivers datagrams and fires timers until nothing is left or `until` is reached. */
  run(until: SimTime = this.now + 600 * SECOND): void {
    for (let guard = 0; guard < 100_000; guard++) {
      this.queue.sort((a, b) => a.at - b.at);
      const nextTimer = Math.min(...[...this.engines.values()].map((e) => e.nextTimerAt() ?? Infinity));
      const nextPacket = this.queue[0]?.at ?? Infinity;
      const next = Math.min(nextTimer, nextPacket);
      if (next === Infinity || next > until) {
        this.now = until;
        return;
      }
      this.now = Math.max(this.now, next);
      if (nextPacket <= nextTimer) {
        const { d } = this.queue.shift()!;
        this.wire.push({ time: this.now, datagram: d });
        if (this.drop(d)) continue;
        const target = this.nat && d.dstIp === this.nat.outside ? undefined : d.dstIp;
        const engine = target === undefined ? undefined : this.engines.get(target);
        if (engine) this.absorb(target!, engine.receive(d, this.now));
      } else {
        for (const [address, e] of this.engines) if ((e.nextTimerAt() ?? Infinity) <= this.now) this.absorb(address, e.tick(this.now));
      }
    }
    throw new Error('FakeNet: too many steps');
  }
}

export const policy10: IsakmpPolicy = { priority: 10, encryption: 'aes', keyBits: 256, hash: 'sha256', authentication: 'pre-share', group: 14, lifetime: 86400 };
export const tsAesSha: TransformSet = { name: 'TS', cipher: 'esp-aes', keyBits: 256, integrity: 'esp-sha-hmac', mode: 'tunnel' };

export const ANY = { address: 0, mask: 0, protocol: 0, port: 0 };

/** A VTI's request: any/any, tunnel mode. */
export function vtiPolicy(local: Ip, peer: Ip, sets: TransformSet[] = [tsAesSha], extra: Partial<IpsecPolicy> = {}): IpsecPolicy {
  return { name: 'Tunnel0', peer, localAddress: local, local: ANY, remote: ANY, transformSets: sets, tunnelOnly: true, ...extra };
}

export function config(peer: Ip, p: IpsecPolicy, overrides: Partial<IkeConfig> = {}, key = 'cisco123'): IkeConfig {
  return { policies: [policy10], keys: [{ address: peer, mask: 0xffffffff, key }], ipsec: [p], ...overrides };
}

export const R1 = ip('10.0.12.1');
export const R2 = ip('10.0.23.3');
