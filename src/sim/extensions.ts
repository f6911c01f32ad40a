// Extension points for IPsec, IKE, OSPF and NAT (issue 5). The core stays ignorant of them; each
// integration is a SimPlugin that the Network attaches to every device, and which uses these hooks:
//
//  - UDP port handlers      device.bindUdp(500, handler)          IKE on 500/4500
//  - IP protocol handlers   device.setProtocolHandler(89, handler) OSPF 89, ESP 50 (GRE 47 is core)
//  - multicast groups       device.joinGroup(ip('224.0.0.5'))     delivered like unicast to the handler;
//                           send with device.sendIp({ dst, egress: 'Tunnel0', ttl: 1, ... })
//  - interface features     device.addFeature({ name, input, output }): input runs on packets
//                           received on an interface before the route lookup (NAT outside->inside),
//                           output after the lookup chose the interface, before fragmentation and
//                           ARP (NAT inside->outside, crypto map encryption via 'reroute')
//  - tunnel encapsulation   plugin.tunnelModes: 'ipsec ipv4' (VTI); plugin.tunnelProtection wraps a
//                           GRE delivery packet when `tunnel protection` is set (GRE over IPsec).
//                           Inbound, a plugin hands decrypted inner packets to
//                           device.receiveIp(tunnelName, packet, packetId).
//  - ARP for other addresses device.addArpAlias(ip, 'GigabitEthernet1') (NAT static globals)
//  - route sources          device.setRouteSource('ospf', routes)
//  - state changes          device.onInterfaceChange(fn), device.onConfigChange(fn); when a
//                           plugin's own answer changes (an SA came up, so a VTI's lineProtocol
//                           does), it calls device.refreshSelf() to re-evaluate that device
//  - timers                 network.scheduler.schedule(delay, label, fn); randomness device.rng
import type { Ipv4Packet } from '../wire/ipv4';
import type { Ip } from './addr';
import type { Device } from './device';
import type { SimInterface } from './interface';

export interface IpDelivery {
  device: Device;
  /** The whole IPv4 packet (reassembled). */
  bytes: Uint8Array;
  ip: Ipv4Packet;
  /** Interface the packet came in on (a tunnel after decapsulation). */
  ingress: string;
  packetId: number;
}

export type ProtocolHandler = (p: IpDelivery) => void;

export interface UdpDelivery extends IpDelivery {
  src: Ip;
  dst: Ip;
  srcPort: number;
  dstPort: number;
  payload: Uint8Array;
}

export type UdpHandler = (d: UdpDelivery) => void;

export interface FeatureContext {
  device: Device;
  iface: SimInterface;
  bytes: Uint8Array;
  ip: Ipv4Packet;
  packetId: number;
}

export type FeatureVerdict =
  /** Go on, with the packet replaced when `bytes` is given (a NAT rewrite). */
  | { action: 'continue'; bytes?: Uint8Array; decision?: string }
  /** The packet dies here; `reason` is shown in the trace ("dropped: ..."). */
  | { action: 'drop'; reason: string }
  /** Route `bytes` again as if this device originated it (crypto map: the ESP packet). */
  | { action: 'reroute'; bytes: Uint8Array; decision: string; protocol?: string }
  /** The feature took the packet and will deal with it (queued behind IKE, ...). */
  | { action: 'consumed'; decision: string };

export interface InterfaceFeature {
  name: string;
  input?(ctx: FeatureContext): FeatureVerdict;
  output?(ctx: FeatureContext): FeatureVerdict;
}

export interface TunnelContext {
  device: Device;
  tunnel: SimInterface;
  /** The inner IPv4 packet, TTL already decremented when forwarded. */
  inner: Uint8Array;
  innerIp: Ipv4Packet;
  packetId: number;
  /** Tunnel source and destination addresses, resolved. */
  source: Ip;
  destination: Ip;
}

export type TunnelResult =
  | { ok: true; bytes: Uint8Array; decision: string; protocol: string }
  | { ok: false; reason: string };

/** How one `tunnel mode` builds its delivery packet and decides its line protocol. */
export interface TunnelEncapsulation {
  /** Bytes added in front of the inner packet, for the default tunnel IP MTU (GRE 24). */
  overhead(device: Device, tunnel: SimInterface): number;
  /**
   * Extra line-protocol condition checked after the common ones (admin up, source up with an
   * address, destination routable not through the tunnel). Undefined means no extra condition.
   */
  lineProtocol?(device: Device, tunnel: SimInterface): { up: boolean; reason?: string };
  encapsulate(ctx: TunnelContext): TunnelResult;
}

/** GRE over IPsec: protect the GRE delivery packet (tunnel protection on a `gre ip` tunnel). */
export type TunnelProtection = (ctx: TunnelContext, delivery: Uint8Array) => TunnelResult;

/** One integration (IPsec, IKE, OSPF, NAT) attached to every device of a network. */
export interface SimPlugin {
  name: string;
  /** Called once per device after the network is built, before it starts. */
  attach?(device: Device): void;
  tunnelModes?: Record<string, TunnelEncapsulation>;
  tunnelProtection?: TunnelProtection;
}
