// IOS NAT (inside source): static one-to-one, dynamic pools, and PAT (`overload`), as a
// translation table the simulation consults per packet. Pure with respect to time: the caller
// passes `now` (simulated microseconds) and the table expires its entries lazily.
//
// IOS order of operations: inside to outside, the packet is routed first and translated after
// (the simulation calls translateInsideToOutside once it knows the egress interface); outside to
// inside, it is translated first and routed after (translateOutsideToInside before the lookup).
//
// ESP under PAT: ESP has no ports, so PAT has nothing to multiplex on. IOS documents that ESP
// passes a NAT router "as long as NAPT or address overloading is not configured", and that
// `ip nat service ipsec-esp enable` turns on ESP processing under overload (Cisco IOS NAT
// configuration guide, "NAT Support for IPsec ESP"). So: static NAT rewrites the address and
// passes ESP; PAT drops ESP unless that service is on, in which case one ESP entry per inside
// host and peer is kept (ports shown as 0). IKE then detects the NAT and NAT-T (UDP 4500) is the
// real fix, which is what the drop reason tells the learner.
import type { AccessList, IosConfig } from '../../ios/model';
import { formatIp, parseIp, type Ip } from '../addr';
import type { SimTime } from '../scheduler';
import { aclPermits } from './acl-match';
import { embeddedInfo, ICMP_ERROR_TYPES, inspectPacket, rewrite, rewriteEmbedded, type PacketInfo } from './rewrite';
import { timeoutFor } from './timeouts';

export type NatConfigSource = Pick<IosConfig, 'interfaces' | 'nat' | 'accessLists'>;

/** One row of the translation table (`show ip nat translations`). */
export interface NatTranslation {
  /** IP protocol of an extended entry; undefined for a simple address entry ("---"). */
  protocol?: number;
  insideLocal: Ip;
  insideGlobal: Ip;
  localPort?: number;
  globalPort?: number;
  /** Outside local = outside global here: this NAT never translates outside addresses. */
  outside?: Ip;
  outsidePort?: number;
  /** static: from `ip nat inside source static`; dynamic: a pool address binding; extended: a flow. */
  kind: 'static' | 'dynamic' | 'extended';
  createdAt: SimTime;
  lastUsed: SimTime;
  /** Absent for static entries, which never expire. */
  expiresAt?: SimTime;
}

/** The packet to forward (maybe unchanged), or why it dies here. */
export type NatResult = { packet: Uint8Array; translated: boolean; decision: string } | { drop: string };

export interface InsideToOutsideContext {
  now: SimTime;
  /** Interface the packet arrived on. */
  ingress: string;
  /** Interface the routing decision chose. */
  egress: string;
}

export interface OutsideToInsideContext {
  now: SimTime;
  ingress: string;
}

const PROTO_NAMES: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 50: 'esp', 47: 'gre', 51: 'ah' };
const protoName = (p: number): string => PROTO_NAMES[p] ?? `protocol ${p}`;

interface DynamicRule {
  acl?: AccessList;
  aclName: string;
  overload: boolean;
  /** `interface X overload`: the interface whose address is the inside global. */
  interface?: string;
  pool?: { name: string; start: Ip; end: Ip };
}

const portRange = (p: number): [number, number] => (p < 512 ? [1, 511] : p < 1024 ? [512, 1023] : [1024, 65535]);

function flowPort(info: PacketInfo, side: 'src' | 'dst'): number | undefined {
  if (info.icmpId !== undefined) return info.icmpId;
  return side === 'src' ? info.srcPort : info.dstPort;
}

export class NatTable {
  private roles = new Map<string, 'inside' | 'outside'>();
  private addresses = new Map<string, Ip>();
  private statics: Array<{ local: Ip; global: Ip }> = [];
  private rules: DynamicRule[] = [];
  private espService = false;
  private entries: NatTranslation[] = [];

  constructor(config: NatConfigSource, now: SimTime = 0) {
    this.configure(config, now);
  }

  /** (Re)reads the configuration; flows already translated keep their entries, as on IOS. */
  configure(config: NatConfigSource, now: SimTime = 0): void {
    this.roles.clear();
    this.addresses.clear();
    for (const i of config.interfaces) {
      if (i.natRole) this.roles.set(i.name, i.natRole);
      const a = i.ipAddress ? parseIp(i.ipAddress.address) : undefined;
      if (a !== undefined) this.addresses.set(i.name, a);
    }
    this.statics = [];
    for (const s of config.nat.insideStatic) {
      const local = parseIp(s.local);
      const global = parseIp(s.global);
      if (local !== undefined && global !== undefined) this.statics.push({ local, global });
    }
    this.rules = config.nat.insideSourceLists.map((r) => {
      const rule: DynamicRule = { aclName: r.acl, overload: r.overload, acl: config.accessLists.find((a) => a.name === r.acl) };
      if (r.interface) rule.interface = r.interface;
      const pool = r.pool ? config.nat.pools.find((p) => p.name === r.pool) : undefined;
      const start = pool ? parseIp(pool.start) : undefined;
      const end = pool ? parseIp(pool.end) : undefined;
      if (pool && start !== undefined && end !== undefined) rule.pool = { name: pool.name, start, end };
      return rule;
    });
    this.espService = config.nat.serviceIpsecEsp;
    // Static rows exist from configuration on, and leave with it.
    this.entries = this.entries.filter((e) => e.kind !== 'static');
    for (const s of this.statics) this.entries.push({ kind: 'static', insideLocal: s.local, insideGlobal: s.global, createdAt: now, lastUsed: now });
  }

  roleOf(ifName: string): 'inside' | 'outside' | undefined {
    return this.roles.get(ifName);
  }

  /** Drops expired dynamic and extended entries. */
  expire(now: SimTime): void {
    this.entries = this.entries.filter((e) => e.expiresAt === undefined || e.expiresAt > now);
    // A pool binding lives while any of its flows does (IOS keeps a parent with children).
    for (const e of this.entries) {
      if (e.kind !== 'dynamic') continue;
      const child = this.entries.filter((c) => c.kind === 'extended' && c.insideLocal === e.insideLocal && c.insideGlobal === e.insideGlobal);
      for (const c of child) if (c.expiresAt !== undefined && e.expiresAt !== undefined && c.expiresAt > e.expiresAt) e.expiresAt = c.expiresAt;
    }
  }

  /** When the next entry expires (for a scheduler that wants to wake up), if any. */
  nextExpiry(): SimTime | undefined {
    let t: SimTime | undefined;
    for (const e of this.entries) if (e.expiresAt !== undefined && (t === undefined || e.expiresAt < t)) t = e.expiresAt;
    return t;
  }

  /** The table as `show ip nat translations` lists it: flows in creation order, then address entries. */
  translations(now: SimTime): NatTranslation[] {
    this.expire(now);
    const ext = this.entries.filter((e) => e.kind === 'extended');
    const simple = this.entries.filter((e) => e.kind !== 'extended');
    return [...ext, ...simple].map((e) => ({ ...e }));
  }

  /** Removes every dynamic and extended entry (`clear ip nat translation *`). */
  clear(): void {
    this.entries = this.entries.filter((e) => e.kind === 'static');
  }

  // ---- inside to outside -------------------------------------------------------------------

  translateInsideToOutside(packet: Uint8Array, ctx: InsideToOutsideContext): NatResult {
    if (this.roles.get(ctx.ingress) !== 'inside' || this.roles.get(ctx.egress) !== 'outside') {
      return { packet, translated: false, decision: 'NAT: not inside to outside, no translation' };
    }
    const info = inspectPacket(packet);
    if (typeof info === 'string') return { drop: `dropped: NAT: ${info}` };
    this.expire(ctx.now);

    if (info.icmpType !== undefined && ICMP_ERROR_TYPES.has(info.icmpType)) return this.icmpErrorOutbound(packet, info, ctx.now);

    const port = flowPort(info, 'src');
    const outsidePort = flowPort(info, 'dst');
    const ported = info.hasTransport && port !== undefined;

    // 1. An existing flow entry (PAT or dynamic) for this inside socket and outside peer.
    const flow = this.findInsideFlow(info.protocol, info.src, port, info.dst, outsidePort);
    if (flow) return this.applyOutbound(packet, info, flow, ctx.now, port);

    // 2. Static one-to-one: the address only, any protocol (ESP included).
    const st = this.statics.find((s) => s.local === info.src);
    if (st) {
      const out = rewrite(packet, 'src', st.global);
      if (ported) this.addFlow(info, st.local, st.global, port, port, ctx.now);
      return { packet: out, translated: true, decision: `NAT: inside source static ${formatIp(info.src)} -> ${formatIp(st.global)}` };
    }

    // 3. Dynamic rules in configuration order; the first whose ACL permits the packet.
    for (const rule of this.rules) {
      if (!aclPermits(rule.acl, { protocol: info.protocol, src: info.src, dst: info.dst, srcPort: info.srcPort, dstPort: info.dstPort })) continue;
      const global = this.ruleAddress(rule, info.src);
      if (global === undefined) return { drop: `dropped: NAT: no address available for access-list ${rule.aclName}` };
      if (!rule.overload) {
        this.bindAddress(info.src, global, ctx.now);
        const out = rewrite(packet, 'src', global);
        if (ported) this.addFlow(info, info.src, global, port, port, ctx.now);
        return { packet: out, translated: true, decision: `NAT: inside source list ${rule.aclName} pool ${rule.pool?.name}: ${formatIp(info.src)} -> ${formatIp(global)}` };
      }
      return this.pat(packet, info, rule, global, ctx.now);
    }
    return { packet, translated: false, decision: 'NAT: no translation rule matches, forwarded untranslated' };
  }

  private pat(packet: Uint8Array, info: PacketInfo, rule: DynamicRule, global: Ip, now: SimTime): NatResult {
    const via = rule.interface ? `interface ${rule.interface} overload` : `pool ${rule.pool?.name} overload`;
    if (info.protocol === 50) {
      if (!this.espService) return { drop: 'PAT cannot translate ESP (no ports); NAT-T needed' };
      const e = this.addEsp(info.src, global, info.dst, now);
      return { packet: rewrite(packet, 'src', global), translated: true, decision: `NAT: ESP ${formatIp(info.src)} -> ${formatIp(e.insideGlobal)} (ip nat service ipsec-esp)` };
    }
    const port = flowPort(info, 'src');
    const ported = info.protocol === 6 || info.protocol === 17 || (info.protocol === 1 && info.icmpId !== undefined);
    if (!ported || port === undefined) {
      if (!info.hasTransport) return { drop: `dropped: PAT cannot translate a non-first fragment without its ports (${protoName(info.protocol)})` };
      const what = info.protocol === 1 ? `ICMP type ${info.icmpType}` : protoName(info.protocol).toUpperCase();
      return { drop: `dropped: PAT cannot translate ${what} (no ports)` };
    }
    const gport = this.allocatePort(info.protocol, global, info.src, port);
    if (gport === undefined) return { drop: `dropped: PAT: no free ${protoName(info.protocol)} port on ${formatIp(global)}` };
    const e = this.addFlow(info, info.src, global, port, gport, now);
    return {
      packet: rewrite(packet, 'src', global, gport),
      translated: true,
      decision: `NAT: PAT (${via}) ${protoName(info.protocol)} ${formatIp(info.src)}:${port} -> ${formatIp(e.insideGlobal)}:${gport}`,
    };
  }

  private applyOutbound(packet: Uint8Array, info: PacketInfo, e: NatTranslation, now: SimTime, port: number | undefined): NatResult {
    this.touch(e, info, now);
    const out = rewrite(packet, 'src', e.insideGlobal, e.protocol === 50 ? undefined : e.globalPort);
    const lp = port !== undefined ? `:${port}` : '';
    const gp = e.globalPort !== undefined && e.protocol !== 50 ? `:${e.globalPort}` : '';
    return { packet: out, translated: true, decision: `NAT: ${protoName(info.protocol)} ${formatIp(info.src)}${lp} -> ${formatIp(e.insideGlobal)}${gp} (existing translation)` };
  }

  /** An ICMP error an inside host sends about a packet that came from outside. */
  private icmpErrorOutbound(packet: Uint8Array, info: PacketInfo, now: SimTime): NatResult {
    const inner = embeddedInfo(packet, info);
    if (!inner) return { drop: 'NAT: ICMP error without a readable embedded packet' };
    // The embedded packet went outside -> inside: its destination is the inside local socket.
    const innerPort = flowPort(inner, 'dst');
    const flow = this.entries.find((e) => e.kind === 'extended' && e.protocol === inner.protocol && e.insideLocal === inner.dst && e.localPort === innerPort);
    const st = this.statics.find((s) => s.local === info.src);
    const global = flow?.insideGlobal ?? st?.global;
    if (global === undefined) return { packet, translated: false, decision: 'NAT: ICMP error matches no translation, forwarded untranslated' };
    if (flow) flow.lastUsed = now;
    let out = rewrite(packet, 'src', global);
    out = rewriteEmbedded(out, 'dst', global, flow?.globalPort);
    return { packet: out, translated: true, decision: `NAT: ICMP error from ${formatIp(info.src)} -> ${formatIp(global)}, embedded packet translated` };
  }

  // ---- outside to inside -------------------------------------------------------------------

  translateOutsideToInside(packet: Uint8Array, ctx: OutsideToInsideContext): NatResult {
    if (this.roles.get(ctx.ingress) !== 'outside') return { packet, translated: false, decision: 'NAT: not from an outside interface, no translation' };
    const info = inspectPacket(packet);
    if (typeof info === 'string') return { drop: `dropped: NAT: ${info}` };
    this.expire(ctx.now);

    if (info.icmpType !== undefined && ICMP_ERROR_TYPES.has(info.icmpType)) return this.icmpErrorInbound(packet, info, ctx.now);

    const port = flowPort(info, 'dst');
    // 1. A flow entry (PAT, or a child of a static or pool binding).
    if (info.protocol === 50) {
      const esp = this.entries
        .filter((e) => e.kind === 'extended' && e.protocol === 50 && e.insideGlobal === info.dst && e.outside === info.src)
        .sort((a, b) => b.lastUsed - a.lastUsed)[0];
      if (esp) {
        esp.lastUsed = ctx.now;
        esp.expiresAt = ctx.now + timeoutFor(50, {});
        return { packet: rewrite(packet, 'dst', esp.insideLocal), translated: true, decision: `NAT: ESP ${formatIp(info.dst)} -> ${formatIp(esp.insideLocal)} (ip nat service ipsec-esp)` };
      }
    } else if (port !== undefined && info.hasTransport) {
      const flow = this.entries.find((e) => e.kind === 'extended' && e.protocol === info.protocol && e.insideGlobal === info.dst && e.globalPort === port);
      if (flow) {
        this.touch(flow, info, ctx.now);
        const newPort = flow.localPort !== port ? flow.localPort : undefined;
        return {
          packet: rewrite(packet, 'dst', flow.insideLocal, newPort),
          translated: true,
          decision: `NAT: ${protoName(info.protocol)} ${formatIp(info.dst)}:${port} -> ${formatIp(flow.insideLocal)}:${flow.localPort} (existing translation)`,
        };
      }
    }
    // 2. Static one-to-one, or a pool address binding: the address only.
    const bound = this.entries.find((e) => (e.kind === 'static' || e.kind === 'dynamic') && e.insideGlobal === info.dst);
    if (bound) {
      const ported = info.hasTransport && port !== undefined && (info.protocol === 6 || info.protocol === 17 || info.protocol === 1);
      if (ported) this.addFlow({ ...info, src: bound.insideLocal, dst: info.src, srcPort: info.dstPort, dstPort: info.srcPort }, bound.insideLocal, bound.insideGlobal, port, port, ctx.now);
      if (bound.kind === 'dynamic') this.touch(bound, info, ctx.now);
      return {
        packet: rewrite(packet, 'dst', bound.insideLocal),
        translated: true,
        decision: `NAT: inside source ${bound.kind} ${formatIp(info.dst)} -> ${formatIp(bound.insideLocal)}`,
      };
    }
    if (info.protocol === 50 && this.isPatAddress(info.dst)) {
      return { drop: 'ESP to the PAT address matches no translation (PAT cannot translate ESP; NAT-T needed)' };
    }
    return { packet, translated: false, decision: 'NAT: no translation for the destination, routed untranslated' };
  }

  /** An ICMP error from outside about a packet an inside host sent (traceroute, PMTUD). */
  private icmpErrorInbound(packet: Uint8Array, info: PacketInfo, now: SimTime): NatResult {
    const inner = embeddedInfo(packet, info);
    if (!inner) return { packet, translated: false, decision: 'NAT: ICMP error without a readable embedded packet, untranslated' };
    const innerPort = flowPort(inner, 'src');
    const flow = this.entries.find((e) => e.kind === 'extended' && e.protocol === inner.protocol && e.insideGlobal === inner.src && e.globalPort === innerPort);
    const bound = this.entries.find((e) => (e.kind === 'static' || e.kind === 'dynamic') && e.insideGlobal === info.dst);
    const local = flow?.insideLocal ?? bound?.insideLocal;
    if (local === undefined) return { packet, translated: false, decision: 'NAT: ICMP error matches no translation, routed untranslated' };
    if (flow) flow.lastUsed = now;
    let out = rewrite(packet, 'dst', local);
    out = rewriteEmbedded(out, 'src', local, flow && flow.localPort !== flow.globalPort ? flow.localPort : undefined);
    return { packet: out, translated: true, decision: `NAT: ICMP error to ${formatIp(info.dst)} -> ${formatIp(local)}, embedded packet translated` };
  }

  // ---- entries -----------------------------------------------------------------------------

  private findInsideFlow(protocol: number, local: Ip, port: number | undefined, outside: Ip, outsidePort: number | undefined): NatTranslation | undefined {
    if (protocol === 50) return this.entries.find((e) => e.kind === 'extended' && e.protocol === 50 && e.insideLocal === local && e.outside === outside);
    if (port === undefined) return undefined;
    return this.entries.find(
      (e) => e.kind === 'extended' && e.protocol === protocol && e.insideLocal === local && e.localPort === port && e.outside === outside && e.outsidePort === outsidePort,
    );
  }

  private touch(e: NatTranslation, info: PacketInfo, now: SimTime): void {
    e.lastUsed = now;
    if (e.kind === 'extended') e.expiresAt = now + timeoutFor(e.protocol ?? 0, info);
    else if (e.kind === 'dynamic') e.expiresAt = now + timeoutFor(0, {});
  }

  private addFlow(info: PacketInfo, local: Ip, global: Ip, localPort: number, globalPort: number, now: SimTime): NatTranslation {
    const outsidePort = info.icmpId ?? info.dstPort;
    const existing = this.findInsideFlow(info.protocol, local, localPort, info.dst, outsidePort);
    if (existing) {
      this.touch(existing, info, now);
      return existing;
    }
    const e: NatTranslation = {
      kind: 'extended',
      protocol: info.protocol,
      insideLocal: local,
      insideGlobal: global,
      localPort,
      globalPort,
      outside: info.dst,
      outsidePort,
      createdAt: now,
      lastUsed: now,
      expiresAt: now + timeoutFor(info.protocol, info),
    };
    this.entries.push(e);
    return e;
  }

  private addEsp(local: Ip, global: Ip, outside: Ip, now: SimTime): NatTranslation {
    const e: NatTranslation = {
      kind: 'extended',
      protocol: 50,
      insideLocal: local,
      insideGlobal: global,
      localPort: 0,
      globalPort: 0,
      outside,
      outsidePort: 0,
      createdAt: now,
      lastUsed: now,
      expiresAt: now + timeoutFor(50, {}),
    };
    this.entries.push(e);
    return e;
  }

  private bindAddress(local: Ip, global: Ip, now: SimTime): void {
    const e = this.entries.find((x) => x.kind === 'dynamic' && x.insideLocal === local);
    if (e) {
      e.lastUsed = now;
      e.expiresAt = now + timeoutFor(0, {});
      return;
    }
    this.entries.push({ kind: 'dynamic', insideLocal: local, insideGlobal: global, createdAt: now, lastUsed: now, expiresAt: now + timeoutFor(0, {}) });
  }

  /** The inside global address a rule gives this inside host, or undefined when none is free. */
  private ruleAddress(rule: DynamicRule, local: Ip): Ip | undefined {
    if (rule.interface) return this.addresses.get(rule.interface);
    if (!rule.pool) return undefined;
    if (rule.overload) return rule.pool.start;
    const mine = this.entries.find((e) => e.kind === 'dynamic' && e.insideLocal === local);
    if (mine) return mine.insideGlobal;
    const taken = new Set(this.entries.filter((e) => e.kind !== 'extended').map((e) => e.insideGlobal));
    for (let a = rule.pool.start; a <= rule.pool.end; a++) if (!taken.has(a)) return a;
    return undefined;
  }

  private isPatAddress(ip: Ip): boolean {
    return this.rules.some((r) => r.overload && (r.interface ? this.addresses.get(r.interface) === ip : r.pool?.start === ip));
  }

  /**
   * IOS PAT keeps the inside port when it is free on the global address, else takes the first
   * free port in the same range (1-511, 512-1023, 1024-65535). One inside socket keeps one
   * global port whatever the outside peer (so ISAKMP 500 stays 500 for the first router).
   */
  private allocatePort(protocol: number, global: Ip, local: Ip, port: number): number | undefined {
    const mine = this.entries.find((e) => e.kind === 'extended' && e.protocol === protocol && e.insideGlobal === global && e.insideLocal === local && e.localPort === port);
    if (mine?.globalPort !== undefined) return mine.globalPort;
    const used = new Set<number>();
    for (const e of this.entries) if (e.kind === 'extended' && e.protocol === protocol && e.insideGlobal === global && e.globalPort !== undefined) used.add(e.globalPort);
    if (!used.has(port)) return port;
    const [lo, hi] = portRange(port);
    for (let p = lo; p <= hi; p++) if (!used.has(p)) return p;
    return undefined;
  }
}
