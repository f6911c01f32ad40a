// Plain data the show formatters print. The simulation (through sim-adapter.ts) or a test fills
// these in; the formatters only lay them out as IOS does. Shapes the simulation already declares
// (interface status, counters) are taken from it rather than written twice.
import type { InterfaceCounters, LinkStatus } from '../../sim/interface';

export type AdminStatus = LinkStatus;

/** One row of `show ip interface brief`. */
export interface InterfaceStatus {
  name: string;
  /** Dotted quad, or undefined for `unassigned`. */
  ipAddress?: string;
  /** How the address was set: NVRAM (startup config), manual (console), unset. */
  method: 'NVRAM' | 'manual' | 'unset';
  status: AdminStatus;
  protocol: 'up' | 'down';
}

/** The counters `show interfaces` prints, as the simulated interface keeps them. */
export type InterfaceCountersData = InterfaceCounters;

export interface TunnelDetail {
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

/** Everything `show interfaces NAME` prints for one interface. */
export interface InterfaceDetail extends InterfaceStatus {
  kind: 'ethernet' | 'loopback' | 'tunnel';
  /** Colon or dotted MAC of an Ethernet interface. */
  mac?: string;
  description?: string;
  prefixLength?: number;
  mtu: number;
  /** `Hardware is ...`: `CSR vNIC`, `iGbE`, `Loopback`, `Tunnel`. */
  hardware?: string;
  /** `never` or hh:mm:ss since the last packet. */
  lastInput: string;
  lastOutput: string;
  counters: InterfaceCountersData;
  tunnel?: TunnelDetail;
}

/** One route as `show ip route` lists it (one next hop; equal-cost paths are several rows). */
export interface RouteRow {
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

export interface IpRouteData {
  /** False on a host (`no ip routing`): IOS then shows the default gateway instead. */
  routing: boolean;
  defaultGateway?: string;
  routes: RouteRow[];
}

export interface ArpRow {
  address: string;
  /** Minutes since learned; undefined for the device's own addresses (`-`). */
  ageMinutes?: number;
  mac: string;
  interface: string;
}

export interface LoggingData {
  /** Buffered log lines, oldest first, with their timestamps. */
  lines: string[];
  /** Messages sent to the console (default: all). */
  consoleMessages?: number;
}
