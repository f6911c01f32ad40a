// What the IOS console reads from a simulated device, as plain data, plus `configure`, which
// applies one config action to the live device. src/console's sim adapter wraps a Device with
// these functions, and its show types take the shapes declared here (console may import sim,
// not the other way round).
import { applyAction, type ApplyResult, type ConfigAction } from '../ios';
import { formatIp } from './addr';
import type { Device } from './device';
import type { InterfaceCounters, SimInterface } from './interface';
import type { Route } from './rib';
import type { SimTime } from './scheduler';
import { SECOND } from './scheduler';

export interface InterfaceView {
  name: string;
  ipAddress?: string;
  method: 'NVRAM' | 'manual' | 'unset';
  status: 'up' | 'down' | 'administratively down';
  protocol: 'up' | 'down';
  kind: 'ethernet' | 'loopback' | 'tunnel';
  mac?: string;
  description?: string;
  prefixLength?: number;
  mtu: number;
  hardware?: string;
  lastInput: string;
  lastOutput: string;
  counters: InterfaceCounters;
  tunnel?: TunnelView;
  /** IP MTU in use (`ip mtu`, or the tunnel default 1476). */
  ipMtu: number;
}

/** The tunnel lines of `show interfaces TunnelN`. */
export interface TunnelView {
  /** The source address in use, when known. */
  sourceAddress?: string;
  /** The source interface when `tunnel source` names one. */
  sourceInterface?: string;
  destination?: string;
  /** `GRE/IP`, `IPSEC/IP`, `multi-GRE/IP`, `IP/IP`. */
  protocol: string;
  key?: number;
  transportMtu?: number;
  protectionProfile?: string;
  pathMtuDiscovery?: boolean;
  /** Why the line protocol is down, IOS words: `no output interface`, `tunnel not configured`. */
  linestateDown?: string;
}

/** One route as `show ip route` lists it (one next hop; equal-cost paths are several rows). */
export interface RouteView {
  network: string;
  prefixLength: number;
  /** C, L, S, O, O IA, O E1, O E2, B. */
  code: string;
  distance: number;
  metric: number;
  nextHop?: string;
  interface?: string;
  /** hh:mm:ss (or 1d02h) since install, shown for dynamic routes. */
  age?: string;
}

export interface IpRouteView {
  /** False on a host (`no ip routing`): IOS then shows the default gateway instead. */
  routing: boolean;
  defaultGateway?: string;
  routes: RouteView[];
}

/** One row of `show arp`. */
export interface ArpView {
  address: string;
  /** Minutes since learned; undefined for the device's own addresses (`-`). */
  ageMinutes?: number;
  mac: string;
  interface: string;
}

/** IOS "hh:mm:ss" for durations under a day, "1d02h" beyond, as show interfaces and show ip route print. */
export function iosDuration(us: SimTime): string {
  const s = Math.floor(us / SECOND);
  if (s >= 86400) return `${Math.floor(s / 86400)}d${String(Math.floor((s % 86400) / 3600)).padStart(2, '0')}h`;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
}

const TUNNEL_PROTOCOL: Record<string, string> = {
  'gre ip': 'GRE/IP', 'ipsec ipv4': 'IPSEC/IP', 'gre multipoint': 'multi-GRE/IP', ipip: 'IP/IP', 'gre ipv6': 'GRE/IPv6', 'ipsec ipv6': 'IPSEC/IPv6',
};

function hardware(dev: Device, i: SimInterface): string {
  if (i.kind === 'loopback') return 'Loopback';
  if (i.kind === 'tunnel') return 'Tunnel';
  return /^GigabitEthernet/.test(i.name) && dev.kind !== 'host' ? 'CSR vNIC' : 'AmdP2';
}

/**
 * The `MTU N bytes` of a tunnel as IOS-XE prints it: 17916 for GRE; for an IPsec VTI 10000 less
 * the IPsec overhead (reference show_interfaces: 9922 up with transport MTU 1422, 10000 down
 * with 1500), so 9938 for esp-aes esp-sha-hmac without NAT-T.
 */
function tunnelMtu(dev: Device, i: SimInterface): number {
  if (i.config.tunnelMode !== 'ipsec ipv4') return 17916;
  return 10000 - (1500 - (i.usable ? dev.tunnelIpMtu(i) : 1500));
}

/** IOS's words after "Tunnel linestate evaluation down - ". */
function linestateWords(dev: Device, t: SimInterface): string | undefined {
  if (t.lineProtocol || !t.adminUp) return undefined;
  const r = t.downReason ?? '';
  if (!t.config.tunnelSource || !t.config.tunnelDestination) return 'tunnel not configured';
  if (/source/.test(r)) return 'transport source down';
  if (/recursive/.test(r)) return 'recursive routing';
  if (/no route/.test(r)) return 'no output interface';
  return r || undefined;
}

export function interfaceViews(dev: Device): InterfaceView[] {
  const now = dev.now;
  const ago = (t: SimTime | undefined) => (t === undefined ? 'never' : iosDuration(now - t));
  return dev.interfaceList().map((i) => {
    const a = i.config.ipAddress;
    const startup = dev.startupAddresses.get(i.name);
    const v: InterfaceView = {
      name: i.name,
      method: a ? (startup === `${a.address} ${a.mask}` ? 'NVRAM' : 'manual') : 'unset',
      status: i.status,
      protocol: i.lineProtocol ? 'up' : 'down',
      kind: i.kind,
      mtu: i.kind === 'tunnel' ? tunnelMtu(dev, i) : i.mtu,
      hardware: hardware(dev, i),
      lastInput: ago(i.lastInput),
      lastOutput: ago(i.lastOutput),
      counters: { ...i.counters },
      ipMtu: dev.ipMtu(i),
    };
    if (a) v.ipAddress = a.address;
    const addr = i.address;
    if (addr) v.prefixLength = addr.prefixLength;
    if (i.mac) v.mac = i.mac;
    if (i.config.description) v.description = i.config.description;
    if (i.kind === 'tunnel') {
      const src = dev.tunnelSourceAddress(i);
      const tun: NonNullable<InterfaceView['tunnel']> = { protocol: TUNNEL_PROTOCOL[i.config.tunnelMode] ?? i.config.tunnelMode, transportMtu: i.usable ? dev.tunnelIpMtu(i) : 1500 };
      // IOS-XE prints the MTU left for the passenger once the tunnel is up (1422 for a VTI behind NAT-T,
      // reference show_interfaces of onug lab) and the transport's own 1500 while it is down (aws demo).
      if (src) tun.sourceAddress = formatIp(src.ip);
      const s = i.config.tunnelSource;
      if (s && !/^\d/.test(s)) tun.sourceInterface = s;
      else if (s) tun.sourceAddress = s;
      if (i.config.tunnelDestination) tun.destination = i.config.tunnelDestination;
      if (i.config.tunnelKey !== undefined) tun.key = i.config.tunnelKey;
      if (i.config.tunnelProtection) tun.protectionProfile = i.config.tunnelProtection.profile;
      if (i.config.tunnelPathMtuDiscovery) tun.pathMtuDiscovery = true;
      const down = linestateWords(dev, i);
      if (down) tun.linestateDown = down;
      v.tunnel = tun;
    }
    return v;
  });
}

function routeView(dev: Device, r: Route): RouteView {
  const v: RouteView = { network: formatIp(r.network), prefixLength: r.prefixLength, code: r.code, distance: r.distance, metric: r.metric };
  if (r.nextHop !== undefined) v.nextHop = formatIp(r.nextHop);
  if (r.interface !== undefined) v.interface = r.interface;
  else if (r.nextHop !== undefined && r.code !== 'S') {
    const res = dev.rib.resolve(r.nextHop);
    if (res) v.interface = res.interface;
  }
  if (r.installedAt !== undefined) v.age = iosDuration(dev.now - r.installedAt);
  return v;
}

export function ipRouteView(dev: Device): IpRouteView {
  const view: IpRouteView = { routing: dev.routing, routes: dev.rib.routes().map((r) => routeView(dev, r)) };
  if (dev.config.defaultGateway) view.defaultGateway = dev.config.defaultGateway;
  return view;
}

export function arpViews(dev: Device): ArpView[] {
  dev.refreshLocalArp();
  return dev.arp.list(dev.now).map((e) => {
    const v: ArpView = { address: formatIp(e.ip), mac: e.mac!, interface: e.iface };
    if (!e.local) v.ageMinutes = Math.floor((dev.now - e.updated) / (60 * SECOND));
    return v;
  });
}

export function loggingView(dev: Device): { lines: string[]; consoleMessages: number } {
  return { lines: dev.logs.lines(), consoleMessages: dev.logs.entries.length };
}

/**
 * Applies one configuration action to the live device (src/ios applyAction), then lets the
 * device react: interfaces, routes and tunnels are re-evaluated and IOS logs the changes.
 */
export function configureDevice(dev: Device, action: ConfigAction): ApplyResult {
  const result = applyAction(dev.config, action);
  if (!result.error) dev.applyConfig();
  return result;
}
