// The IPv4 packet path of a device: frame receive, ARP, local delivery (ICMP, UDP ports, GRE,
// protocol handlers), forwarding, tunnels, fragmentation and output onto a link. Every step
// leaves a trace record in plain words. Order of operations follows IOS: input features (NAT
// outside->inside), then routing, then output features (NAT inside->outside, crypto map), then
// MTU/fragmentation, then ARP.
import { ArpOperation, arpReply, arpRequest, parseArp } from '../wire/arp';
import { ETHERNET_HEADER_LEN, ETHERNET_MIN_FRAME, EtherType, emitEthernet, formatMac, ipv4MulticastMac, parseEthernet, parseMac } from '../wire/ethernet';
import { parseGre } from '../wire/gre';
import { icmpEchoReply, icmpFragmentationNeeded, icmpTimeExceeded, icmpUnreachable, parseIcmp, UnreachableCode } from '../wire/icmp';
import { decrementTtl, emitIpv4, isFragment, parseIpv4, type Ipv4Packet } from '../wire/ipv4';
import { parseUdp } from '../wire/udp';
import { type Ip, formatIp, ip as ipOf, isMulticast, networkOf } from './addr';
import { ARP_RETRY } from './arp';
import { type Device, NULL_INTERFACE } from './device';
import type { TunnelContext } from './extensions';
import { fragment } from '../wire/ipv4-fragment';
import type { SimInterface } from './interface';
import { frameProtocolLabel, ipProtocolLabel } from './protocol-label';
import { type Resolution, type Route, prefixText } from './rib';

const MAX_TUNNEL_DEPTH = 4;
const UNREACHABLE_INTERVAL = 500_000; // IOS `ip icmp rate-limit unreachable 500` (ms -> us)
const BROADCAST = 0xffffffff;

export interface SendOptions {
  dst: Ip;
  protocol: number;
  payload: Uint8Array;
  src?: Ip;
  ttl?: number;
  df?: boolean;
  tos?: number;
  /** Send out of this interface without a route lookup (multicast, link-local protocols). */
  egress?: string;
  /** Keep following an existing packet (default: a new packet id). */
  packetId?: number;
  /** Words for the Originate trace record ("ICMP echo request 1 to 10.2.2.10"). */
  decision?: string;
}

export interface SendResult {
  ok: boolean;
  packetId: number;
  reason?: string;
}

const ipText = (v: Ip) => formatIp(v);

function parse(bytes: Uint8Array): Ipv4Packet | undefined {
  const r = parseIpv4(bytes, { verifyChecksum: false });
  return r.ok ? r.value : undefined;
}

function drop(dev: Device, pid: number, reason: string, bytes: Uint8Array | undefined, where: { ingress?: string; egress?: string } = {}): void {
  if (dev.tracing) dev.trace({ point: 'Drop', packetId: pid, ...where, decision: `dropped: ${reason}`, protocol: bytes ? ipProtocolLabel(bytes) : 'IPv4', before: bytes });
}

// ---- receive --------------------------------------------------------------------------------

export function receiveFrame(dev: Device, ifaceName: string, frame: Uint8Array, pid: number): void {
  const iface = dev.iface(ifaceName);
  if (!iface || !iface.usable) {
    if (dev.tracing) dev.trace({ point: 'Drop', packetId: pid, ingress: ifaceName, decision: `dropped: ${ifaceName} is down`, protocol: frameProtocolLabel(frame), before: frame });
    return;
  }
  iface.counters.inputPackets++;
  iface.counters.inputBytes += frame.length;
  iface.lastInput = dev.now;
  // The header is read in place: MAC text is only built for a trace record that shows it.
  if (frame.length < ETHERNET_HEADER_LEN) {
    const eth = parseEthernet(frame);
    return drop(dev, pid, eth.ok ? 'truncated Ethernet frame' : eth.error, undefined, { ingress: ifaceName });
  }
  const broadcast = isBroadcastBytes(frame);
  const multicast = !broadcast && (frame[0]! & 1) === 1;
  if (broadcast) iface.counters.broadcasts++;
  if (multicast) iface.counters.multicasts++;
  if (!broadcast && !multicast && !macMatches(frame, iface.macBytes)) {
    if (dev.tracing) dev.trace({ point: 'Drop', packetId: pid, ingress: ifaceName, decision: `dropped: frame for ${formatMac(frame, 0)} is not addressed to ${ifaceName}`, protocol: frameProtocolLabel(frame), before: frame });
    return;
  }
  if (dev.tracing) dev.trace({ point: 'Rx', packetId: pid, ingress: ifaceName, decision: `received on ${ifaceName}`, protocol: frameProtocolLabel(frame), link: dev.net.linkOf(dev.name, ifaceName)?.label, before: frame });
  const e = { etherType: (frame[12]! << 8) | frame[13]!, payload: frame.subarray(ETHERNET_HEADER_LEN) };
  if (e.etherType === EtherType.ARP) return receiveArp(dev, iface, e.payload, pid);
  if (e.etherType !== EtherType.IPv4) return drop(dev, pid, `EtherType 0x${e.etherType.toString(16)} is not handled`, undefined, { ingress: ifaceName });
  const ipr = parseIpv4(e.payload);
  if (!ipr.ok) {
    iface.counters.inputDrops++;
    return drop(dev, pid, ipr.error, undefined, { ingress: ifaceName });
  }
  ipInput(dev, iface, e.payload.slice(0, ipr.value.totalLength), pid, ipr.value);
}

function receiveArp(dev: Device, iface: SimInterface, payload: Uint8Array, pid: number): void {
  const r = parseArp(payload);
  if (!r.ok) return drop(dev, pid, r.error, undefined, { ingress: iface.name });
  const a = r.value;
  const own = iface.address;
  const sender = ipOf(a.senderIp);
  const target = ipOf(a.targetIp);
  const now = dev.now;
  if ((own && target === own.ip) || dev.arpAliases.get(target) === iface.name) {
    // Addressed to us: learn the sender (RFC 826 merge + create), answer requests.
    dev.arp.learn(sender, a.senderMac, iface.name, now);
    if (a.operation === ArpOperation.Request) {
      const reply = arpReply(a, iface.mac!);
      const frame = emitEthernet({ dst: a.senderMac, src: iface.mac!, etherType: EtherType.ARP }, reply, { pad: true });
      if (dev.tracing) dev.trace({ point: 'Arp', packetId: pid, ingress: iface.name, egress: iface.name, decision: `ARP reply: ${a.targetIp} is at ${iface.mac}`, protocol: 'ARP', after: frame });
      transmitFrame(dev, iface, frame, pid, `ARP reply to ${a.senderIp}`);
    } else {
      if (dev.tracing) dev.trace({ point: 'Arp', packetId: pid, ingress: iface.name, decision: `ARP reply: ${a.senderIp} is at ${a.senderMac}, cached`, protocol: 'ARP' });
    }
    return;
  }
  // IOS proxy ARP (`ip proxy-arp`, on by default on a routing device): answer for an address
  // off the requester's subnet when our best route to it leaves by another interface.
  if (a.operation === ArpOperation.Request && own && dev.routing && iface.mac && proxyArpAnswers(dev, iface, own, sender, target)) {
    dev.arp.learn(sender, a.senderMac, iface.name, now);
    const reply = arpReply(a, iface.mac);
    const frame = emitEthernet({ dst: a.senderMac, src: iface.mac, etherType: EtherType.ARP }, reply, { pad: true });
    if (dev.tracing) dev.trace({ point: 'Arp', packetId: pid, ingress: iface.name, egress: iface.name, decision: `proxy ARP reply: ${a.targetIp} is reachable through this router, answering with ${iface.mac}`, protocol: 'ARP', after: frame });
    transmitFrame(dev, iface, frame, pid, `proxy ARP reply to ${a.senderIp}`);
    return;
  }
  // Not for us: only refresh an entry we already hold (gratuitous ARP, a neighbour's request).
  const refreshed = dev.arp.refresh(sender, a.senderMac, iface.name, now);
  if (dev.tracing) dev.trace({
    point: 'Arp', packetId: pid, ingress: iface.name, protocol: 'ARP',
    decision: refreshed ? `ARP from ${a.senderIp}: cache entry refreshed` : `ARP for ${a.targetIp} is not for this device, ignored`,
  });
}

function proxyArpAnswers(dev: Device, iface: SimInterface, own: { ip: Ip; prefixLength: number }, sender: Ip, target: Ip): boolean {
  const onSubnet = (x: Ip) => networkOf(x, own.prefixLength) === networkOf(own.ip, own.prefixLength);
  if (!onSubnet(sender) || onSubnet(target) || isMulticast(target) || target === BROADCAST) return false;
  const res = dev.rib.resolve(target);
  return res !== undefined && res.interface !== iface.name && res.interface !== NULL_INTERFACE;
}

/**
 * An IPv4 packet arriving on `ingress` (a physical interface, or a tunnel after decapsulation).
 * Plugins call this (via device.receiveIp) with decrypted inner packets.
 */
export function ipInput(dev: Device, ingress: SimInterface, bytes: Uint8Array, pid: number, parsed?: Ipv4Packet): void {
  let ip = parsed ?? parse(bytes);
  if (!ip) return drop(dev, pid, 'not a valid IPv4 packet', bytes, { ingress: ingress.name });
  if (dev.features.length > 0) {
    const v = dev.runFeatures('input', { device: dev, iface: ingress, bytes, ip, packetId: pid });
    if (v.action === 'drop') return drop(dev, pid, v.reason, bytes, { ingress: ingress.name });
    if (v.action === 'consumed') {
      if (dev.tracing) dev.trace({ point: 'Forward', packetId: pid, ingress: ingress.name, decision: v.decision, protocol: ipProtocolLabel(bytes), before: bytes });
      return;
    }
    if (v.action === 'reroute') return void routeOriginated(dev, v.bytes, pid, 0, v.decision);
    if (v.bytes && v.bytes !== bytes) {
      if (dev.tracing) dev.trace({ point: 'Forward', packetId: pid, ingress: ingress.name, decision: v.decision ?? 'rewritten on input', protocol: ipProtocolLabel(v.bytes), before: bytes, after: v.bytes });
      bytes = v.bytes;
      ip = parse(bytes)!;
    }
  }
  const dst = ipOf(ip.dst);
  if (dev.isLocalAddress(dst) || dev.isBroadcastFor(dst, ingress) || (isMulticast(dst) && dev.groups.has(dst))) {
    return localDeliver(dev, ingress, bytes, ip, pid);
  }
  if (isMulticast(dst)) return drop(dev, pid, `multicast ${ip.dst} has no listener here (multicast routing is off)`, bytes, { ingress: ingress.name });
  if (!dev.routing) return drop(dev, pid, `${ip.dst} is not this host's address and it does not route (no ip routing)`, bytes, { ingress: ingress.name });
  forward(dev, ingress, bytes, ip, pid);
}

function forward(dev: Device, ingress: SimInterface, bytes: Uint8Array, ip: Ipv4Packet, pid: number): void {
  if (ip.ttl <= 1) {
    drop(dev, pid, `TTL expired in transit (TTL ${ip.ttl})`, bytes, { ingress: ingress.name });
    sendIcmpError(dev, bytes, ip, icmpTimeExceeded(bytes), 'time exceeded');
    return;
  }
  const dst = ipOf(ip.dst);
  const res = dev.rib.resolve(dst);
  if (!res) {
    ingress.counters.inputDrops++;
    drop(dev, pid, `no route to ${ip.dst}`, bytes, { ingress: ingress.name });
    // IOS answers a missing route with host unreachable (code 1): traceroute shows !H.
    sendIcmpError(dev, bytes, ip, icmpUnreachable(UnreachableCode.Host, bytes), 'host unreachable');
    return;
  }
  const out = decrementTtl(bytes);
  if (dev.tracing) dev.trace({
    point: 'Forward', packetId: pid, ingress: ingress.name, egress: res.interface,
    decision: routeWords(res), protocol: ipProtocolLabel(out), before: bytes, after: out,
  });
  output(dev, res, out, { ...ip, ttl: ip.ttl - 1 }, pid, 0, ingress.name);
}

export function routeWords(res: Resolution): string {
  const r: Route = res.route;
  const target = r.code === 'C' || r.code === 'L'
    ? `${res.interface} (connected)`
    : r.nextHop !== undefined
      ? `${ipText(r.nextHop)}${res.interface ? ` (${res.interface})` : ''}`
      : res.interface;
  return `route lookup ${prefixText(r)} via ${target}`;
}

// ---- local delivery -------------------------------------------------------------------------

function localDeliver(dev: Device, ingress: SimInterface, bytes: Uint8Array, ip: Ipv4Packet, pid: number): void {
  if (isFragment(ip)) {
    const r = dev.reassembler.push(bytes, dev.now);
    if (r.status === 'error') return drop(dev, pid, r.error, bytes, { ingress: ingress.name });
    if (r.status === 'pending') {
      if (dev.tracing) dev.trace({ point: 'Fragment', packetId: pid, ingress: ingress.name, decision: `fragment at offset ${ip.fragmentOffset * 8} held for reassembly`, protocol: ipProtocolLabel(bytes), before: bytes });
      return;
    }
    const whole = r.packet.slice();
    if (dev.tracing) dev.trace({ point: 'Fragment', packetId: pid, ingress: ingress.name, decision: `reassembled ${whole.length}-byte datagram`, protocol: ipProtocolLabel(whole), before: bytes, after: whole });
    bytes = whole;
    ip = parse(whole)!;
  }
  const handler = dev.protocolHandlers.get(ip.protocol);
  if (handler) {
    if (dev.tracing) dev.trace({ point: 'Deliver', packetId: pid, ingress: ingress.name, decision: `delivered to protocol ${ip.protocol} handler`, protocol: ipProtocolLabel(bytes), before: bytes });
    handler({ device: dev, bytes, ip, ingress: ingress.name, packetId: pid });
    return;
  }
  switch (ip.protocol) {
    case 1:
      return icmpInput(dev, ingress, bytes, ip, pid);
    case 17:
      return udpInput(dev, ingress, bytes, ip, pid);
    case 47:
      return greInput(dev, ingress, bytes, ip, pid);
    default:
      drop(dev, pid, `no handler for IP protocol ${ip.protocol}`, bytes, { ingress: ingress.name });
      if (ip.protocol !== 6) sendIcmpError(dev, bytes, ip, icmpUnreachable(UnreachableCode.Protocol, bytes), 'protocol unreachable');
  }
}

function icmpInput(dev: Device, ingress: SimInterface, bytes: Uint8Array, ip: Ipv4Packet, pid: number): void {
  const r = parseIcmp(ip.payload);
  if (!r.ok) return drop(dev, pid, r.error, bytes, { ingress: ingress.name });
  const m = r.value;
  if (m.kind === 'echo-request') {
    if (dev.tracing) dev.trace({ point: 'Deliver', packetId: pid, ingress: ingress.name, decision: `ICMP echo request from ${ip.src}: answering`, protocol: 'ICMP', before: bytes });
    const dst = ipOf(ip.dst);
    const src = isMulticast(dst) || dst === BROADCAST || dev.isBroadcastFor(dst, ingress) ? ingress.address?.ip : dst;
    sendIp(dev, {
      dst: ipOf(ip.src), src, protocol: 1, payload: icmpEchoReply(m.id, m.seq, m.data),
      decision: dev.tracing ? `ICMP echo reply ${m.seq} to ${ip.src}` : undefined,
    });
  } else {
    if (dev.tracing) dev.trace({ point: 'Deliver', packetId: pid, ingress: ingress.name, decision: `ICMP ${m.kind} from ${ip.src} delivered`, protocol: 'ICMP', before: bytes });
    if (m.kind === 'dest-unreachable' && m.code === UnreachableCode.FragmentationNeeded) learnTunnelPathMtu(dev, m.original, m.nextHopMtu, pid);
  }
  for (const fn of [...dev.icmpListeners]) fn({ ip, bytes, ingress: ingress.name });
}

/** IOS ages a learned tunnel path MTU after 10 minutes (`tunnel path-mtu-discovery age-timer 10`). */
const PATH_MTU_AGE = 600_000_000;
/** The smallest path MTU IOS accepts for a tunnel (`min-mtu 92`). */
const PATH_MTU_MIN = 92;

/** `tunnel path-mtu-discovery`: a fragmentation-needed about our own GRE delivery packet lowers the tunnel's MTU. */
function learnTunnelPathMtu(dev: Device, quote: Uint8Array, mtu: number, pid: number): void {
  if (quote.length < 20 || quote[9] !== 47 || mtu === 0) return;
  const src = ((quote[12]! << 24) | (quote[13]! << 16) | (quote[14]! << 8) | quote[15]!) >>> 0;
  const dst = ((quote[16]! << 24) | (quote[17]! << 16) | (quote[18]! << 8) | quote[19]!) >>> 0;
  for (const t of dev.interfaces.values()) {
    if (t.kind !== 'tunnel' || !t.config.tunnelPathMtuDiscovery) continue;
    if (dev.tunnelSourceAddress(t)?.ip !== src || dev.tunnelDestinationAddress(t) !== dst) continue;
    t.pathMtu = { mtu: Math.max(mtu, PATH_MTU_MIN), until: dev.now + PATH_MTU_AGE };
    if (dev.tracing) dev.trace({ point: 'Deliver', packetId: pid, decision: `${t.name} path MTU ${mtu} learned: its IP MTU is now ${dev.ipMtu(t)}`, protocol: 'ICMP' });
  }
}

function udpInput(dev: Device, ingress: SimInterface, bytes: Uint8Array, ip: Ipv4Packet, pid: number): void {
  const r = parseUdp(ip.payload, { src: ip.src, dst: ip.dst });
  if (!r.ok) return drop(dev, pid, r.error, bytes, { ingress: ingress.name });
  const u = r.value;
  const handler = dev.udpHandlers.get(u.dstPort);
  if (handler) {
    if (dev.tracing) dev.trace({ point: 'Deliver', packetId: pid, ingress: ingress.name, decision: `UDP ${u.srcPort} -> ${u.dstPort} delivered`, protocol: ipProtocolLabel(bytes), before: bytes });
    handler({ device: dev, bytes, ip, ingress: ingress.name, packetId: pid, src: ipOf(ip.src), dst: ipOf(ip.dst), srcPort: u.srcPort, dstPort: u.dstPort, payload: u.payload });
    return;
  }
  drop(dev, pid, `no service on UDP port ${u.dstPort}`, bytes, { ingress: ingress.name });
  const dst = ipOf(ip.dst);
  if (!isMulticast(dst) && !dev.isBroadcastFor(dst, ingress)) {
    sendIcmpError(dev, bytes, ip, icmpUnreachable(UnreachableCode.Port, bytes), 'port unreachable');
  }
}

function greInput(dev: Device, ingress: SimInterface, bytes: Uint8Array, ip: Ipv4Packet, pid: number): void {
  const r = parseGre(ip.payload);
  if (!r.ok) return drop(dev, pid, r.error, bytes, { ingress: ingress.name });
  const g = r.value;
  const src = ipOf(ip.src);
  const dst = ipOf(ip.dst);
  const tunnel = [...dev.interfaces.values()].find(
    (t) =>
      t.kind === 'tunnel' && t.config.tunnelMode === 'gre ip' && t.usable &&
      dev.tunnelSourceAddress(t)?.ip === dst && dev.tunnelDestinationAddress(t) === src &&
      t.config.tunnelKey === g.key,
  );
  if (!tunnel) return drop(dev, pid, `GRE from ${ip.src} matches no tunnel that is up`, bytes, { ingress: ingress.name });
  if (g.protocolType !== EtherType.IPv4) return drop(dev, pid, `GRE payload type 0x${g.protocolType.toString(16)} not carried`, bytes, { ingress: ingress.name });
  const inner = g.payload.slice();
  tunnel.counters.inputPackets++;
  tunnel.counters.inputBytes += inner.length;
  tunnel.lastInput = dev.now;
  if (dev.tracing) dev.trace({ point: 'Decap', packetId: pid, ingress: ingress.name, egress: tunnel.name, decision: `GRE decapsulation on ${tunnel.name}`, protocol: ipProtocolLabel(inner), before: bytes, after: inner });
  ipInput(dev, tunnel, inner, pid);
}

// ---- originate ------------------------------------------------------------------------------

/** Sends a packet this device originates: builds the IPv4 header, routes it, sends it. */
export function sendIp(dev: Device, o: SendOptions): SendResult {
  const pid = o.packetId ?? dev.net.trace.newPacketId();
  let egress = o.egress ? dev.iface(o.egress) : undefined;
  let res: Resolution | undefined;
  if (egress) {
    res = { interface: egress.name, nextHop: o.dst, route: { network: o.dst, prefixLength: 32, code: 'C', distance: 0, metric: 0, interface: egress.name, source: 'direct' } };
  } else if (!dev.isLocalAddress(o.dst)) {
    res = resolveOriginated(dev, o.dst);
    if (!res) {
      drop(dev, pid, `no route to ${ipText(o.dst)}`, undefined);
      return { ok: false, packetId: pid, reason: `no route to ${ipText(o.dst)}` };
    }
    egress = dev.iface(res.interface);
  }
  const src = o.src ?? (egress ? sourceAddressFor(dev, egress) : o.dst);
  if (src === undefined) {
    drop(dev, pid, `no source address on ${egress?.name}`, undefined);
    return { ok: false, packetId: pid, reason: 'no source address' };
  }
  const bytes = emitIpv4(
    { src: ipText(src), dst: ipText(o.dst), protocol: o.protocol, ttl: o.ttl ?? 255, df: o.df ?? false, tos: o.tos ?? 0, id: nextIpId(dev) },
    o.payload,
  );
  if (dev.tracing) dev.trace({ point: 'Originate', packetId: pid, egress: res?.interface, decision: o.decision ?? `originated for ${ipText(o.dst)}`, protocol: ipProtocolLabel(bytes), after: bytes });
  if (!res) {
    // To one of our own addresses: IOS loops it back internally.
    const self = [...dev.interfaces.values()].find((i) => i.address?.ip === o.dst) ?? egress;
    dev.net.scheduler.schedule(0, `${dev.name} local loopback`, () => ipInput(dev, self!, bytes, pid));
    return { ok: true, packetId: pid };
  }
  const ip = parse(bytes)!;
  if (!o.egress && dev.tracing) dev.trace({ point: 'Forward', packetId: pid, egress: res.interface, decision: routeWords(res), protocol: ipProtocolLabel(bytes), before: bytes, after: bytes });
  const ok = output(dev, res, bytes, ip, pid, 0);
  return { ok, packetId: pid };
}

/** Routes an already-built packet as if originated here (tunnel delivery packets, crypto map ESP). */
export function routeOriginated(dev: Device, bytes: Uint8Array, pid: number, depth: number, decision?: string, avoid?: SimInterface): boolean {
  const ip = parse(bytes);
  if (!ip) {
    drop(dev, pid, 'not a valid IPv4 packet', bytes);
    return false;
  }
  const dst = ipOf(ip.dst);
  if (dev.isLocalAddress(dst)) {
    const self = [...dev.interfaces.values()].find((i) => i.address?.ip === dst)!;
    dev.net.scheduler.schedule(0, `${dev.name} local loopback`, () => ipInput(dev, self, bytes, pid));
    return true;
  }
  const res = resolveOriginated(dev, dst);
  if (!res) {
    drop(dev, pid, `no route to ${ip.dst}${decision ? ` (${decision})` : ''}`, bytes);
    return false;
  }
  if (avoid && res.interface === avoid.name) {
    // The delivery packet would enter the tunnel it came from: IOS disables the tunnel.
    dev.log(`%TUN-5-RECURDOWN: ${avoid.name} temporarily disabled due to recursive routing`);
    avoid.recursionHoldUntil = dev.now + 60_000_000;
    dev.net.scheduler.schedule(60_000_000, `${dev.name} ${avoid.name} recursion hold ends`, () => dev.net.refresh());
    drop(dev, pid, `recursive routing: the tunnel destination ${ip.dst} is routed through ${avoid.name} itself`, bytes);
    dev.net.refresh();
    return false;
  }
  if (dev.tracing) dev.trace({ point: 'Forward', packetId: pid, egress: res.interface, decision: routeWords(res), protocol: ipProtocolLabel(bytes), before: bytes, after: bytes });
  return output(dev, res, bytes, ip, pid, depth);
}

/** Routers use the RIB; hosts (`no ip routing`) use connected networks, then `ip default-gateway`. */
export function resolveOriginated(dev: Device, dst: Ip): Resolution | undefined {
  if (dev.routing) return dev.rib.resolve(dst);
  const direct = dev.rib.resolve(dst);
  if (direct) return direct;
  const gw = dev.config.defaultGateway ? ipOf(dev.config.defaultGateway) : undefined;
  if (gw === undefined) return undefined;
  const via = dev.rib.resolve(gw);
  if (!via) return undefined;
  return {
    interface: via.interface, nextHop: gw,
    route: { network: 0, prefixLength: 0, code: 'S', distance: 0, metric: 0, nextHop: gw, source: 'default-gateway' },
  };
}

function sourceAddressFor(dev: Device, egress: SimInterface): Ip | undefined {
  const a = egress.address;
  if (a) return a.ip;
  // Unnumbered or unaddressed: IOS picks another up interface's address.
  for (const i of dev.interfaceList()) if (i.usable && i.address) return i.address.ip;
  return undefined;
}

export function nextIpId(dev: Device): number {
  dev.ipId = (dev.ipId + 1) & 0xffff;
  return dev.ipId;
}

// ---- ICMP errors ----------------------------------------------------------------------------

function sendIcmpError(dev: Device, offending: Uint8Array, ip: Ipv4Packet, message: Uint8Array, what: string): void {
  const src = ipOf(ip.src);
  if (src === 0 || isMulticast(src) || src === BROADCAST) return;
  if (isMulticast(ipOf(ip.dst))) return;
  if (ip.fragmentOffset !== 0) return;
  if (ip.protocol === 1) {
    // Never an error about an error (RFC 1122): only echo and echo reply get one.
    const t = ip.payload[0];
    if (t !== 8 && t !== 0) return;
  }
  const type = message[0];
  const code = message[1];
  if (type === 3 && code !== UnreachableCode.FragmentationNeeded) {
    if (dev.now - dev.lastUnreachable < UNREACHABLE_INTERVAL) {
      if (dev.tracing) dev.trace({ point: 'Drop', packetId: dev.net.trace.newPacketId(), decision: `ICMP ${what} not sent: rate-limited (one per 500 ms, as IOS)`, protocol: 'ICMP' });
      return;
    }
    dev.lastUnreachable = dev.now;
  }
  sendIp(dev, { dst: src, protocol: 1, payload: message, decision: `ICMP ${what} to ${ip.src}` });
}

// ---- output ---------------------------------------------------------------------------------

/** Sends a routed packet out of `res.interface`; returns false when it was dropped here. */
export function output(dev: Device, res: Resolution, bytes: Uint8Array, ip: Ipv4Packet, pid: number, depth: number, ingress?: string): boolean {
  if (res.interface === NULL_INTERFACE) {
    drop(dev, pid, `routed to Null0 (discarded) by ${prefixText(res.route)}`, bytes, { ingress, egress: res.interface });
    sendIcmpError(dev, bytes, ip, icmpUnreachable(UnreachableCode.Host, bytes), 'host unreachable');
    return false;
  }
  const egress = dev.iface(res.interface);
  if (!egress || !egress.usable) {
    drop(dev, pid, `${res.interface} is down`, bytes, { ingress, egress: res.interface });
    return false;
  }
  if (dev.features.length > 0) {
    const v = dev.runFeatures('output', { device: dev, iface: egress, bytes, ip, packetId: pid });
    if (v.action === 'drop') {
      drop(dev, pid, v.reason, bytes, { ingress, egress: egress.name });
      return false;
    }
    if (v.action === 'consumed') {
      if (dev.tracing) dev.trace({ point: 'Forward', packetId: pid, ingress, egress: egress.name, decision: v.decision, protocol: ipProtocolLabel(bytes), before: bytes });
      return true;
    }
    if (v.action === 'reroute') {
      if (dev.tracing) dev.trace({ point: 'Encap', packetId: pid, ingress, egress: egress.name, decision: v.decision, protocol: v.protocol ?? ipProtocolLabel(v.bytes), before: bytes, after: v.bytes });
      if (depth >= MAX_TUNNEL_DEPTH) {
        drop(dev, pid, 'encapsulated too many times', v.bytes);
        return false;
      }
      return routeOriginated(dev, v.bytes, pid, depth + 1);
    }
    if (v.bytes && v.bytes !== bytes) {
      if (dev.tracing) dev.trace({ point: 'Forward', packetId: pid, ingress, egress: egress.name, decision: v.decision ?? 'rewritten on output', protocol: ipProtocolLabel(v.bytes), before: bytes, after: v.bytes });
      bytes = v.bytes;
      ip = parse(bytes)!;
    }
  }
  if (egress.kind === 'tunnel') return tunnelOutput(dev, egress, bytes, ip, pid, depth, ingress);
  if (egress.kind === 'loopback') {
    drop(dev, pid, `${ip.dst} is on ${egress.name} but is not this device's address`, bytes, { egress: egress.name });
    return false;
  }
  const pieces = fitToMtu(dev, egress, bytes, ip, pid, ingress);
  if (!pieces) return false;
  let sent = true;
  for (const p of pieces) sent = linkOutput(dev, egress, res.nextHop, p, pid) && sent;
  return sent;
}

/**
 * The packet as it may leave `out`: whole, or fragmented to its IP MTU. With DF set and too big,
 * it is dropped with ICMP fragmentation-needed (the path-MTU lesson), and null is returned.
 */
function fitToMtu(dev: Device, out: SimInterface, bytes: Uint8Array, ip: Ipv4Packet, pid: number, ingress?: string): Uint8Array[] | null {
  const mtu = dev.ipMtu(out);
  if (bytes.length <= mtu) return [bytes];
  if (ip.df) {
    out.counters.outputDrops++;
    drop(dev, pid, `${bytes.length}-byte packet exceeds the ${mtu}-byte IP MTU of ${out.name} and DF is set`, bytes, { ingress, egress: out.name });
    sendIcmpError(dev, bytes, ip, icmpFragmentationNeeded(mtu, bytes), `fragmentation needed (MTU ${mtu})`);
    return null;
  }
  const f = fragment(bytes, mtu);
  if (!f.ok) {
    drop(dev, pid, f.error, bytes, { egress: out.name });
    return null;
  }
  if (dev.tracing) dev.trace({ point: 'Fragment', packetId: pid, egress: out.name, decision: `fragmented into ${f.fragments.length} pieces for the ${mtu}-byte IP MTU of ${out.name}`, protocol: ipProtocolLabel(bytes), before: bytes });
  return f.fragments;
}

function tunnelOutput(dev: Device, tun: SimInterface, bytes: Uint8Array, ip: Ipv4Packet, pid: number, depth: number, ingress?: string): boolean {
  if (depth >= MAX_TUNNEL_DEPTH) {
    drop(dev, pid, 'tunnels nested too deep', bytes, { egress: tun.name });
    return false;
  }
  const mode = dev.net.tunnelMode(tun.config.tunnelMode);
  const source = dev.tunnelSourceAddress(tun);
  const destination = dev.tunnelDestinationAddress(tun);
  if (!mode || !source || destination === undefined) {
    drop(dev, pid, `${tun.name} cannot encapsulate (${tun.downReason ?? 'incomplete tunnel configuration'})`, bytes, { ingress, egress: tun.name });
    return false;
  }
  const pieces = fitToMtu(dev, tun, bytes, ip, pid, ingress);
  if (!pieces) return false;
  let sent = true;
  for (const inner of pieces) {
    const innerIp = pieces.length === 1 ? ip : parse(inner)!;
    const ctx: TunnelContext = { device: dev, tunnel: tun, inner, innerIp, packetId: pid, source: source.ip, destination };
    let result = mode.encapsulate(ctx);
    if (result.ok && tun.config.tunnelProtection && tun.config.tunnelMode === 'gre ip') {
      const protect = dev.net.tunnelProtection();
      if (protect) result = protect(ctx, result.bytes);
    }
    if (!result.ok) {
      tun.counters.outputDrops++;
      drop(dev, pid, result.reason, inner, { ingress, egress: tun.name });
      sent = false;
      continue;
    }
    tun.counters.outputPackets++;
    tun.counters.outputBytes += inner.length;
    tun.lastOutput = dev.now;
    if (dev.tracing) dev.trace({ point: 'Encap', packetId: pid, ingress, egress: tun.name, decision: result.decision, protocol: result.protocol, before: inner, after: result.bytes });
    sent = routeOriginated(dev, result.bytes, pid, depth + 1, undefined, tun) && sent;
  }
  return sent;
}

function linkOutput(dev: Device, egress: SimInterface, nextHop: Ip, bytes: Uint8Array, pid: number): boolean {
  let dstMac: string | undefined;
  const a = egress.address;
  if (nextHop === BROADCAST || (a && a.prefixLength < 31 && nextHop === (networkOf(a.ip, a.prefixLength) | ((1 << (32 - a.prefixLength)) - 1)) >>> 0)) {
    dstMac = 'ff:ff:ff:ff:ff:ff';
  } else if (isMulticast(nextHop)) {
    dstMac = ipv4MulticastMac(ipText(nextHop));
  } else {
    const entry = dev.arp.lookup(nextHop, dev.now);
    if (entry?.mac && entry.iface === egress.name) dstMac = entry.mac;
    else {
      if (!entry || (entry.requestedAt !== undefined && dev.now - entry.requestedAt >= ARP_RETRY) || entry.iface !== egress.name) {
        sendArpRequest(dev, egress, nextHop, pid);
      }
      egress.counters.outputDrops++;
      drop(dev, pid, `no ARP entry for ${ipText(nextHop)} yet: IOS drops the packet that triggers ARP`, bytes, { egress: egress.name });
      return false;
    }
  }
  const dstBytes = macBytesOf(dstMac);
  const frame = dstBytes && egress.macBytes
    ? ipv4Frame(dstBytes, egress.macBytes, bytes)
    : emitEthernet({ dst: dstMac, src: egress.mac!, etherType: EtherType.IPv4 }, bytes, { pad: true });
  return transmitFrame(dev, egress, frame, pid, dev.tracing ? `sent on ${egress.name} to ${dstMac}` : '');
}

export function sendArpRequest(dev: Device, egress: SimInterface, target: Ip, pid?: number): void {
  const a = egress.address;
  if (!a || !egress.mac || !egress.usable) return;
  dev.arp.markRequested(target, egress.name, dev.now);
  const req = arpRequest(egress.mac, ipText(a.ip), ipText(target));
  const frame = emitEthernet({ dst: 'ff:ff:ff:ff:ff:ff', src: egress.mac, etherType: EtherType.ARP }, req, { pad: true });
  const id = pid ?? dev.net.trace.newPacketId();
  if (dev.tracing) dev.trace({ point: 'Arp', packetId: id, egress: egress.name, decision: `ARP request for ${ipText(target)}`, protocol: 'ARP', after: frame });
  transmitFrame(dev, egress, frame, id, `ARP request for ${ipText(target)}`);
}

function transmitFrame(dev: Device, egress: SimInterface, frame: Uint8Array, pid: number, decision: string): boolean {
  const link = dev.net.linkOf(dev.name, egress.name);
  if (!link) {
    drop(dev, pid, `${egress.name} has no cable`, undefined, { egress: egress.name });
    return false;
  }
  egress.counters.outputPackets++;
  egress.counters.outputBytes += frame.length;
  egress.lastOutput = dev.now;
  if (dev.tracing) dev.trace({ point: 'Tx', packetId: pid, egress: egress.name, decision, protocol: frameProtocolLabel(frame), link: link.label, after: frame });
  dev.net.transmit(link, { device: dev.name, iface: egress.name }, frame, pid);
  return true;
}

// ---- Ethernet without MAC text ----------------------------------------------------------------

/** The same bytes as emitEthernet({ dst, src, etherType: IPv4 }, payload, { pad: true }), from MAC bytes. */
function ipv4Frame(dst: Uint8Array, src: Uint8Array, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(Math.max(ETHERNET_HEADER_LEN + payload.length, ETHERNET_MIN_FRAME));
  frame.set(dst, 0);
  frame.set(src, 6);
  frame[12] = EtherType.IPv4 >> 8;
  frame[13] = EtherType.IPv4 & 0xff;
  frame.set(payload, ETHERNET_HEADER_LEN);
  return frame;
}

/** MAC text (ARP entries, multicast groups) to bytes, remembered: a lab has few distinct MACs. */
const macBytesCache = new Map<string, Uint8Array>();
function macBytesOf(mac: string): Uint8Array | undefined {
  let b = macBytesCache.get(mac);
  if (!b) {
    b = parseMac(mac);
    if (!b) return undefined;
    if (macBytesCache.size > 4096) macBytesCache.clear();
    macBytesCache.set(mac, b);
  }
  return b;
}

function isBroadcastBytes(frame: Uint8Array): boolean {
  return frame[0] === 0xff && frame[1] === 0xff && frame[2] === 0xff && frame[3] === 0xff && frame[4] === 0xff && frame[5] === 0xff;
}

function macMatches(frame: Uint8Array, mac: Uint8Array | undefined): boolean {
  if (!mac) return false;
  for (let i = 0; i < 6; i++) if (frame[i] !== mac[i]) return false;
  return true;
}
