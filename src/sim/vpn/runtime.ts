// IPsec on one router: the IKE engine on UDP 500/4500, the SAD, ESP in (protocol 50 and
// ESP-in-UDP 4500) and out (VTIs, protected GRE, crypto maps), proactive IKE for tunnels, IOS
// logs and debug output, and a plain sentence in the trace wherever a packet or a negotiation
// fails.
import { ESP_PROTOCOL } from '../../wire/esp';
import type { Device } from '../device';
import type { SimInterface } from '../interface';
import type { FeatureContext, FeatureVerdict, IpDelivery, TunnelContext, TunnelResult, UdpDelivery } from '../extensions';
import type { EventHandle } from '../scheduler';
import { SECOND } from '../scheduler';
import { formatIp, ip as ipOf, isMulticast } from '../addr';
import { nextIpId } from '../ip-stack';
import { IkeEngine, classifyNatTPayload, type IkeConfig, type IkeEvent, type IkeOutput, type IpsecSaPair } from '../ike';
import { espDecapsulate, espEncapsulate, espSpiOf } from '../ipsec/esp-process';
import { wiresharkEspSaLine } from '../ipsec/wireshark-keys';
import { aclPermits, type AclFlow } from '../nat/acl-match';
import { ipProtocolLabel } from '../protocol-label';
import { parseIpv4, type Ipv4Packet } from '../../wire/ipv4';
import type { SeededRandom } from '../../crypto/rng';
import { type ProtectedPolicy, vpnConfig } from './config';
import { Sad, type SaBundle } from './sad';

const IKE_PORT = 500;
const NATT_PORT = 4500;
/** How long a tunnel waits before trying IKE again after a failed negotiation. */
export const RETRY_AFTER = 10 * SECOND;

/**
 * Routers never bring their tunnels up at the same microsecond. Each protected tunnel waits a
 * seeded moment (up to this long) before its first IKE attempt, so one side usually leads main
 * mode and the other answers, instead of two crossing exchanges per tunnel.
 */
const FIRST_START_SPREAD = 1 * SECOND;

/** How long a replaced SA still accepts inbound packets. */
const REKEY_OVERLAP = 10 * SECOND;

const hex32 = (n: number) => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;

interface KeyLog {
  espSa: string[];
  ikev1: string[];
}

interface KeyLogSink {
  keyLog?: KeyLog;
}

/** What each network's key log already holds: ESP SPIs and IKE lines (every router appends). */
const keyLogIndex = new WeakMap<KeyLog, { spis: Set<string>; ikev1: Set<string> }>();

function indexOf(log: KeyLog): { spis: Set<string>; ikev1: Set<string> } {
  let idx = keyLogIndex.get(log);
  if (!idx) {
    idx = { spis: new Set(log.espSa.map((l) => l.split(',')[3]!)), ikev1: new Set(log.ikev1) };
    keyLogIndex.set(log, idx);
  }
  return idx;
}

export class VpnRuntime {
  readonly ike: IkeEngine;
  readonly sad = new Sad();
  policies: ProtectedPolicy[] = [];
  readonly debugOn = { isakmp: false, ipsec: false };
  /** The last failure of each policy, in plain words (line-protocol reasons, show text). */
  readonly lastFailure = new Map<string, { kind: string; explanation: string; at: number }>();
  /** Whole-device counters for `show crypto ipsec sa` errors that have no SA to charge. */
  invalidSpi = 0;
  private timer?: EventHandle;
  private retryTimer?: EventHandle;
  private retryAt = new Map<string, number>();
  /** When each protected tunnel may first start IKE (see FIRST_START_SPREAD). */
  private firstStartAt = new Map<string, number>();
  private readonly startSpread: SeededRandom;
  /** The packet whose handling is running, so engine failures land on its trace. */
  private currentPid: number | undefined;
  /** Packet id being handed back in after decryption (the inbound crypto map check skips it). */
  private decrypted: number | undefined;
  private ikeKeysSeen = 0;

  constructor(readonly device: Device) {
    const { ike, policies } = vpnConfig(device);
    this.policies = policies;
    this.ike = new IkeEngine(ike, device.rng.fork('ike'));
    this.startSpread = device.rng.fork('tunnel-start');
    device.bindUdp(IKE_PORT, (d) => this.udp(d));
    device.bindUdp(NATT_PORT, (d) => this.udp(d));
    device.setProtocolHandler(ESP_PROTOCOL, (d) => this.espInput(d));
    device.addFeature({ name: 'crypto map', input: (ctx) => this.mapInput(ctx), output: (ctx) => this.mapOutput(ctx) });
    device.onConfigChange(() => this.configure());
    device.onInterfaceChange((i) => {
      if (i.kind === 'tunnel' && !i.adminUp) this.tunnelShut(i.name);
      if (this.feedsPolicies(i)) this.policiesStale = true;
      this.soon();
    });
  }

  /**
   * `shutdown` on a protected tunnel closes its crypto socket (IOS): its SAs are deleted with a
   * Delete notification to the peer, and it stops answering for them until `no shutdown`.
   */
  private tunnelShut(name: string): void {
    if (!this.sad.forPolicy(name) && !this.ike.negotiating(name)) return;
    this.absorb(this.ike.deletePolicySa(name));
    for (const b of this.sad.bundles.filter((x) => x.pair.policy === name)) this.sad.remove(b.pair);
    this.policiesStale = true;
  }

  /** Policies depend on the config and on interface addresses and state, but not on a VTI's own line protocol. */
  private policiesStale = false;

  private feedsPolicies(i: SimInterface): boolean {
    if (i.kind !== 'tunnel' || i.config.cryptoMap !== undefined) return true;
    // Shut and no shut add and remove the tunnel's own policy.
    if (this.policies.some((p) => p.interfaceName === i.name) !== i.adminUp) return true;
    this.tunnelSources ??= new Set(this.device.config.interfaces.flatMap((c) => (c.tunnelSource ? [c.tunnelSource] : [])));
    const address = i.config.ipAddress?.address;
    return this.tunnelSources.has(i.name) || (address !== undefined && this.tunnelSources.has(address));
  }

  /** Every `tunnel source` in the config (names or addresses); rebuilt after a config change. */
  private tunnelSources: Set<string> | undefined;

  private get net(): Device['net'] & KeyLogSink {
    return this.device.net as Device['net'] & KeyLogSink;
  }

  /** Re-reads the config (policies, keys); SAs stay up as on IOS until cleared. */
  configure(): void {
    this.tunnelSources = undefined;
    const { ike, policies } = vpnConfig(this.device);
    this.applyPolicies(policies, ike);
    this.soon();
  }

  /**
   * Takes a new set of policies. IOS resets a protected tunnel's crypto socket when its `tunnel
   * mode`, `tunnel source`/`destination` or `tunnel protection` (profile, transform sets) change:
   * the SAs are deleted with a Delete notification and renegotiated with the new identities.
   * Crypto map entries keep their SAs (an ACL edit does not clear them on IOS either).
   */
  private applyPolicies(policies: ProtectedPolicy[], ike: IkeConfig): void {
    const before = this.policies.filter((p) => p.kind !== 'map');
    this.policies = policies;
    this.ike.configure(ike);
    const byName = new Map(policies.map((p) => [p.name, p]));
    for (const old of before) {
      const now = byName.get(old.name);
      if (now ? tunnelIdentity(now) === tunnelIdentity(old) : !this.protectionRemoved(old.interfaceName)) continue;
      this.resetTunnel(old.name, now ? 'tunnel configuration changed' : 'tunnel protection removed');
    }
  }

  /**
   * True when the tunnel no longer asks for protection at all (deleted, `no tunnel protection`,
   * another tunnel mode, its ipsec profile removed). A policy that only lapsed because the tunnel source lost its address
   * or the destination its route keeps its SAs, as before.
   */
  private protectionRemoved(name: string): boolean {
    const c = this.device.config.interfaces.find((i) => i.name === name);
    if (!c || !c.tunnelProtection || (c.tunnelMode !== 'ipsec ipv4' && c.tunnelMode !== 'gre ip')) return true;
    const profile = c.tunnelProtection.profile;
    return !this.device.config.crypto.ipsecProfiles.some((p) => p.name === profile);
  }

  /** Closes a tunnel's crypto socket after a change and lets startTunnels() open it again at once. */
  private resetTunnel(name: string, reason: string): void {
    this.lastFailure.delete(name);
    this.retryAt.delete(name);
    if (!this.sad.forPolicy(name) && !this.ike.negotiating(name)) return;
    this.absorb(this.ike.deletePolicySa(name, reason));
    for (const b of this.sad.bundles.filter((x) => x.pair.policy === name)) this.sad.remove(b.pair);
    this.device.refreshSelf();
  }

  private scheduled = false;

  /** Checks the tunnels after the current event (interface and config changes come in bursts). */
  soon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.net.scheduler.schedule(0, `${this.device.name} crypto: tunnel check`, () => {
      this.scheduled = false;
      this.refreshPolicies();
      this.startTunnels();
    });
  }

  private refreshPolicies(): void {
    if (!this.policiesStale) return;
    this.policiesStale = false;
    const { ike, policies } = vpnConfig(this.device);
    const before = JSON.stringify(this.policies.map(policyKey));
    if (before !== JSON.stringify(policies.map(policyKey))) this.applyPolicies(policies, ike);
  }

  policy(name: string): ProtectedPolicy | undefined {
    return this.policies.find((p) => p.name === name);
  }

  /**
   * IOS opens the crypto socket of a protected tunnel as soon as the tunnel can reach its peer:
   * IKE starts at convergence, not on the first packet (unlike a crypto map).
   */
  startTunnels(): void {
    const now = this.device.now;
    for (const p of this.policies) {
      if (p.kind === 'map') continue;
      const t = this.device.iface(p.interfaceName);
      if (!t || !t.adminUp) continue;
      if (this.sad.forPolicy(p.name) || this.ike.negotiating(p.name)) continue;
      if (this.device.resolve(p.peer) === undefined) continue;
      let first = this.firstStartAt.get(p.name);
      if (first === undefined) {
        first = now + this.startSpread.int(0, FIRST_START_SPREAD - 1);
        this.firstStartAt.set(p.name, first);
      }
      const retry = Math.max(first, this.retryAt.get(p.name) ?? first);
      if (now < retry) {
        this.scheduleRetry(retry);
        continue;
      }
      this.absorb(this.ike.initiate(p, now));
    }
  }

  private scheduleRetry(at: number): void {
    if (this.retryTimer && this.retryTimer.time <= at && this.retryTimer.time >= this.device.now) return;
    this.retryTimer?.cancel();
    this.retryTimer = this.net.scheduler.at(at, `${this.device.name} crypto: retry IKE`, () => {
      this.retryTimer = undefined;
      this.startTunnels();
    });
  }

  // ---- IKE in and out ---------------------------------------------------------------------------

  private udp(d: UdpDelivery): void {
    if (d.dstPort === NATT_PORT) {
      const kind = classifyNatTPayload(d.payload);
      if (kind === 'esp') return this.espInput(d);
      if (kind === 'keepalive') {
        this.device.trace({ point: 'Deliver', packetId: d.packetId, ingress: d.ingress, decision: `NAT-T keepalive from ${formatIp(d.src)}:${d.srcPort}`, protocol: 'UDP' });
        return;
      }
    }
    this.currentPid = d.packetId;
    try {
      this.absorb(this.ike.receive({ srcIp: d.src, srcPort: d.srcPort, dstIp: d.dst, dstPort: d.dstPort, payload: d.payload }, this.device.now));
    } finally {
      this.currentPid = undefined;
    }
  }

  /** Sends what the engine produced, prints its logs, acts on its events, re-arms its timer. */
  absorb(o: IkeOutput): void {
    for (const l of o.logs) {
      if (l.kind === 'syslog') this.device.log(l.text);
      else if (this.debugOn[l.facility ?? 'isakmp']) for (const line of l.text.split('\n')) this.device.log(line);
    }
    for (const d of o.send) {
      this.device.sendUdp({
        src: d.srcIp, dst: d.dstIp, srcPort: d.srcPort, dstPort: d.dstPort, payload: d.payload,
        decision: d.payload.length === 1 ? `NAT-T keepalive to ${formatIp(d.dstIp)}:${d.dstPort}` : `ISAKMP to ${formatIp(d.dstIp)}:${d.dstPort}`,
      });
    }
    for (const e of o.events) this.event(e);
    this.logIkeKeys();
    this.armTimer();
  }

  private logIkeKeys(): void {
    const lines = this.ike.ikev1DecryptionTable();
    const sink = this.net.keyLog;
    for (; this.ikeKeysSeen < lines.length; this.ikeKeysSeen++) {
      const line = lines[this.ikeKeysSeen]!;
      if (!sink) continue;
      const seen = indexOf(sink).ikev1;
      if (!seen.has(line)) {
        seen.add(line);
        sink.ikev1.push(line);
      }
    }
  }

  private armTimer(): void {
    const at = this.ike.nextTimerAt();
    if (at === undefined) {
      this.timer?.cancel();
      this.timer = undefined;
      return;
    }
    if (this.timer && this.timer.time === at) return;
    this.timer?.cancel();
    this.timer = this.net.scheduler.at(at, `${this.device.name} IKE timers`, () => {
      this.timer = undefined;
      this.absorb(this.ike.tick(this.device.now));
      this.startTunnels();
    });
  }

  private event(e: IkeEvent): void {
    const dev = this.device;
    switch (e.type) {
      case 'ipsec-up': {
        const policy = this.policy(e.sa.policy);
        if (!policy) return;
        const b = this.sad.install(e.sa, policy, dev.rng.fork(`esp/${e.sa.inbound.spi}`), dev.config.crypto.dfBit);
        this.lastFailure.delete(policy.name);
        this.retryAt.delete(policy.name);
        this.logEspKeys(b);
        if (this.sad.bundles.filter((x) => x.pair.peer === e.sa.peer).length === 1) {
          const port = e.sa.udpEncap ? e.sa.udpEncap.remotePort : IKE_PORT;
          dev.log(`%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP  .  Peer ${formatIp(e.sa.peer)}:${port}       Id: ${formatIp(e.sa.peer)}`);
        }
        // Only this device's VTI line protocol depends on its SAs: no network-wide pass.
        if (policy.kind !== 'map') dev.refreshSelf();
        return;
      }
      case 'ipsec-down': {
        if (e.reason === 'rekeyed') {
          // The new pair (installed next) takes over outbound at once; the old inbound SA keeps
          // decrypting packets already on their way for a while, as IOS does.
          const old = e.sa;
          this.net.scheduler.schedule(REKEY_OVERLAP, `${dev.name} crypto: retire SPI ${hex32(old.inbound.spi)}`, () => this.sad.remove(old));
          return;
        }
        const b = this.sad.remove(e.sa);
        if (!b) return;
        if (!this.sad.bundles.some((x) => x.pair.peer === e.sa.peer)) {
          // The session's port, as the UP message gave it: 4500 for a session behind NAT.
          const port = e.sa.udpEncap ? e.sa.udpEncap.remotePort : IKE_PORT;
          dev.log(`%CRYPTO-5-SESSION_STATUS: Crypto tunnel is DOWN. Peer ${formatIp(e.sa.peer)}:${port}       Id: ${formatIp(e.sa.peer)}`);
        }
        if (b.policy.kind !== 'map') {
          dev.refreshSelf();
          this.soon();
        }
        return;
      }
      case 'failure': {
        const names = e.policy ? [e.policy] : this.policies.filter((p) => p.peer === e.peer).map((p) => p.name);
        for (const n of names) {
          this.lastFailure.set(n, { kind: e.kind, explanation: e.explanation, at: dev.now });
          this.retryAt.set(n, dev.now + RETRY_AFTER);
        }
        dev.trace({
          point: 'Drop', packetId: this.currentPid ?? dev.net.trace.newPacketId(),
          decision: `dropped: IKE with ${formatIp(e.peer)} failed: ${e.explanation}`, protocol: 'ISAKMP',
        });
        if (names.some((n) => this.policy(n)?.kind !== 'map')) dev.refreshSelf();
        return;
      }
      default:
        return;
    }
  }

  private logEspKeys(b: SaBundle): void {
    const sink = this.net.keyLog;
    if (!sink) return;
    for (const sa of [b.inbound, b.outbound]) {
      const c = sa.config;
      // Behind NAT the outer addresses change on the way: let Wireshark match on the SPI alone.
      const nat = c.udpEncap !== undefined;
      const line = wiresharkEspSaLine({ ...c, source: nat ? '*' : c.source, destination: nat ? '*' : c.destination });
      const spis = indexOf(sink).spis;
      const spi = line.split(',')[3]!;
      if (!spis.has(spi)) {
        spis.add(spi);
        sink.espSa.push(line);
      }
    }
  }

  // ---- ESP out -------------------------------------------------------------------------------

  private protect(b: SaBundle, packet: Uint8Array, what: string, parsed?: Ipv4Packet): TunnelResult {
    const r = espEncapsulate(b.outbound, packet, { id: nextIpId(this.device), parsedInner: parsed });
    if (!r.ok) {
      b.sendErrors++;
      return { ok: false, reason: r.reason };
    }
    // The words only matter when someone reads the trace (benches run without one).
    if (!this.device.net.trace.active) return { ok: true, bytes: r.packet, protocol: 'ESP', decision: what };
    const encap = b.outbound.config.udpEncap ? ` in UDP ${b.outbound.config.udpEncap.srcPort}->${b.outbound.config.udpEncap.dstPort} (NAT-T)` : '';
    return {
      ok: true, bytes: r.packet, protocol: 'ESP',
      decision: `${what}: ESP ${b.outbound.mode} mode${encap}, SPI ${hex32(b.outbound.spi)} seq ${r.sequence}, to ${formatIp(b.pair.peer)}`,
    };
  }

  /** `tunnel mode ipsec ipv4`: the routed packet goes into ESP tunnel mode, whatever it is. */
  vtiEncapsulate(ctx: TunnelContext): TunnelResult {
    const b = this.sad.forPolicy(ctx.tunnel.name);
    if (!b) return { ok: false, reason: `${ctx.tunnel.name} has no IPsec SA with ${formatIp(ctx.destination)}${this.failureWords(ctx.tunnel.name)}` };
    return this.protect(b, ctx.inner, `IPsec encryption on ${ctx.tunnel.name}`, ctx.innerIp);
  }

  /** `tunnel protection` on a GRE tunnel: the GRE delivery packet is protected. */
  greProtect(ctx: TunnelContext, delivery: Uint8Array): TunnelResult {
    const b = this.sad.forPolicy(ctx.tunnel.name);
    if (!b) {
      if (!this.ike.negotiating(ctx.tunnel.name)) this.startTunnels();
      return { ok: false, reason: `GRE on ${ctx.tunnel.name} is protected but has no IPsec SA with ${formatIp(ctx.destination)} yet${this.failureWords(ctx.tunnel.name)}` };
    }
    return this.protect(b, delivery, `IPsec encryption of ${ctx.tunnel.name}'s GRE packet`);
  }

  failureWords(name: string): string {
    const f = this.lastFailure.get(name);
    if (f) return ` (IKE failed: ${f.explanation})`;
    if (this.ike.negotiating(name)) return ' (IKE is negotiating)';
    return '';
  }

  /** A crypto map on the output interface: protect what its ACL permits. */
  private mapOutput(ctx: FeatureContext): FeatureVerdict {
    const mapName = ctx.iface.config.cryptoMap;
    if (!mapName) return { action: 'continue' };
    const ip = ctx.ip;
    const dst = ipOf(ip.dst);
    // IOS never protects multicast with a crypto map (OSPF hellos leave in clear).
    if (isMulticast(dst)) return { action: 'continue' };
    if (this.ownIpsecTraffic(ip)) return { action: 'continue' };
    const flow = flowOf(ip);
    for (const p of this.policies) {
      if (p.kind !== 'map' || p.interfaceName !== ctx.iface.name) continue;
      if (!aclPermits(p.map!.acl, flow)) continue;
      const b = this.sad.forPolicy(p.name);
      if (b) {
        const r = this.protect(b, ctx.bytes, `crypto map ${p.map!.name} ${p.map!.seq} on ${ctx.iface.name}`);
        if (!r.ok) return { action: 'drop', reason: r.reason };
        return { action: 'reroute', bytes: r.bytes, decision: r.decision, protocol: 'ESP' };
      }
      const failed = this.lastFailure.get(p.name);
      const started = !this.ike.negotiating(p.name);
      this.currentPid = ctx.packetId;
      try {
        this.absorb(this.ike.initiate(p, this.device.now));
      } finally {
        this.currentPid = undefined;
      }
      return {
        action: 'drop',
        reason: started
          ? `crypto map ${p.map!.name} ${p.map!.seq} matched but there is no IPsec SA with ${formatIp(p.peer)} yet: this packet started IKE and is lost while it negotiates${failed ? ` (last attempt failed: ${failed.explanation})` : ''}`
          : `crypto map ${p.map!.name} ${p.map!.seq}: IKE with ${formatIp(p.peer)} is still negotiating, the packet is dropped`,
      };
    }
    return { action: 'continue' };
  }

  /** Inbound: clear traffic a crypto map would have protected is refused (IOS RECVD_PKT_NOT_IPSEC). */
  private mapInput(ctx: FeatureContext): FeatureVerdict {
    if (!ctx.iface.config.cryptoMap || this.decrypted === ctx.packetId) return { action: 'continue' };
    const ip = ctx.ip;
    if (isMulticast(ipOf(ip.dst)) || ip.protocol === ESP_PROTOCOL || ip.protocol === 17 && isIkePort(ip)) return { action: 'continue' };
    const flow = mirrored(flowOf(ip));
    for (const p of this.policies) {
      if (p.kind !== 'map' || p.interfaceName !== ctx.iface.name || !this.sad.forPolicy(p.name)) continue;
      if (aclPermits(p.map!.acl, flow)) {
        this.device.log(`%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /${ip.dst}, src_addr= ${ip.src}, prot= ${ip.protocol}`);
        return { action: 'drop', reason: `crypto map ${p.map!.name} ${p.map!.seq} expects ${ip.src} -> ${ip.dst} protected, but it arrived in clear` };
      }
    }
    return { action: 'continue' };
  }

  private ownIpsecTraffic(ip: Ipv4Packet): boolean {
    if (!this.device.isLocalAddress(ipOf(ip.src))) return false;
    return ip.protocol === ESP_PROTOCOL || (ip.protocol === 17 && isIkePort(ip));
  }

  // ---- ESP in --------------------------------------------------------------------------------

  private espInput(d: IpDelivery): void {
    const dev = this.device;
    // Plain ESP (the common case): the SPI is the payload's first word, no second parse.
    const pl = d.ip.payload;
    const quick = d.ip.protocol === ESP_PROTOCOL && pl.length >= 8 && d.ip.fragmentOffset === 0 && !d.ip.mf
      ? ((pl[0]! << 24) | (pl[1]! << 16) | (pl[2]! << 8) | pl[3]!) >>> 0
      : 0;
    const spi = quick !== 0 ? quick : espSpiOf(d.bytes);
    const b = spi === undefined ? undefined : this.sad.forSpi(spi);
    if (spi === undefined || !b) {
      this.invalidSpi++;
      dev.log(`%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=${d.ip.dst}, prot=50, spi=${spi === undefined ? '?' : hex32(spi)}(${spi ?? 0}), srcaddr=${d.ip.src}, input interface=${d.ingress}`);
      dev.trace({ point: 'Drop', packetId: d.packetId, ingress: d.ingress, decision: `dropped: ESP from ${d.ip.src} with SPI ${spi === undefined ? '?' : hex32(spi)} matches no inbound IPsec SA on this router`, protocol: 'ESP', before: d.bytes });
      return;
    }
    const r = espDecapsulate(b.inbound, d.bytes, d.ip);
    if (!r.ok) {
      b.recvErrors++;
      dev.trace({ point: 'Drop', packetId: d.packetId, ingress: d.ingress, decision: `dropped: ESP SPI ${hex32(b.inbound.spi)} from ${d.ip.src}: ${r.reason}`, protocol: 'ESP', before: d.bytes });
      return;
    }
    const p = b.policy;
    const target = p.kind === 'vti' ? p.interfaceName : d.ingress;
    if (p.kind === 'map') {
      const inner = parseQuick(r.packet);
      if (inner && !aclPermits(p.map!.acl, mirrored(flowOf(inner)))) {
        b.recvErrors++;
        dev.trace({ point: 'Drop', packetId: d.packetId, ingress: d.ingress, decision: `dropped: decrypted ${inner.src} -> ${inner.dst} is not what crypto map ${p.map!.name} ${p.map!.seq} (ACL ${p.map!.acl?.name}) protects`, protocol: ipProtocolLabel(r.packet), before: d.bytes, after: r.packet });
        return;
      }
    }
    if (dev.net.trace.active) dev.trace({
      point: 'Decap', packetId: d.packetId, ingress: d.ingress, egress: target,
      decision: `IPsec decryption: ESP ${b.inbound.mode} mode, SPI ${hex32(b.inbound.spi)} seq ${r.sequence}, ICV good${p.kind === 'vti' ? `, into ${target}` : ''}`,
      protocol: ipProtocolLabel(r.packet), before: d.bytes, after: r.packet,
    });
    this.decrypted = d.packetId;
    try {
      dev.receiveIp(target, r.packet, d.packetId);
    } finally {
      this.decrypted = undefined;
    }
  }

  // ---- console -------------------------------------------------------------------------------

  debug(what: string, on: boolean): void {
    if (what === 'all' || what === 'crypto isakmp') this.debugOn.isakmp = on;
    if (what === 'all' || what === 'crypto ipsec') this.debugOn.ipsec = on;
  }

  clear(what: string): boolean {
    const now = this.device.now;
    let o: IkeOutput | undefined;
    if (/^crypto (isakmp|session)/.test(what)) o = this.ike.clear(now, what.startsWith('crypto isakmp') ? 'isakmp' : 'all');
    else if (/^crypto sa/.test(what)) o = this.ike.clear(now, 'sa');
    if (!o) return false;
    this.absorb(o);
    this.soon();
    return true;
  }

  pairs(): IpsecSaPair[] {
    return this.sad.bundles.map((b) => b.pair);
  }
}

/**
 * What a protected tunnel's SAs were negotiated for: when any of it changes, IOS renegotiates.
 * PFS is part of the profile; lifetimes are not here (a new lifetime applies at the next rekey;
 * not verified against IOS).
 */
function tunnelIdentity(p: ProtectedPolicy): string {
  return JSON.stringify([p.kind, p.peer, p.localAddress, p.local, p.remote, p.transformSets, p.profile ?? null, p.pfs ?? null]);
}

function policyKey(p: ProtectedPolicy): unknown {
  return [p.name, p.peer, p.localAddress, p.local, p.remote, p.transformSets, p.pfs ?? null, p.map?.acl?.entries ?? null];
}

function isIkePort(ip: Ipv4Packet): boolean {
  const p = ip.payload;
  if (p.length < 4) return false;
  const s = (p[0]! << 8) | p[1]!;
  const d = (p[2]! << 8) | p[3]!;
  return s === IKE_PORT || d === IKE_PORT || s === NATT_PORT || d === NATT_PORT;
}

function flowOf(ip: Ipv4Packet): AclFlow {
  const f: AclFlow = { protocol: ip.protocol, src: ipOf(ip.src), dst: ipOf(ip.dst) };
  if ((ip.protocol === 6 || ip.protocol === 17) && ip.fragmentOffset === 0 && ip.payload.length >= 4) {
    f.srcPort = (ip.payload[0]! << 8) | ip.payload[1]!;
    f.dstPort = (ip.payload[2]! << 8) | ip.payload[3]!;
  }
  return f;
}

/** The flow as the ACL states it from this router's side (inbound packets are its mirror image). */
function mirrored(f: AclFlow): AclFlow {
  return { protocol: f.protocol, src: f.dst, dst: f.src, ...(f.dstPort !== undefined ? { srcPort: f.dstPort } : {}), ...(f.srcPort !== undefined ? { dstPort: f.srcPort } : {}) };
}

function parseQuick(bytes: Uint8Array): Ipv4Packet | undefined {
  const r = parseIpv4(bytes, { verifyChecksum: false });
  return r.ok ? r.value : undefined;
}
