// Plain data the show formatters print. The simulation (through sim-adapter.ts) or a test fills
// these in; the formatters only lay them out as IOS does. Shapes the simulation already declares
// (interface status, counters) are taken from it rather than written twice.
import type { InterfaceCounters, LinkStatus } from '../../sim/interface';
import type { ArpView, IpRouteView, RouteView, TunnelView } from '../../sim/console-data';

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

export type TunnelDetail = TunnelView;

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

export type RouteRow = RouteView;

export type IpRouteData = IpRouteView;

export type ArpRow = ArpView;

export interface LoggingData {
  /** Buffered log lines, oldest first, with their timestamps. */
  lines: string[];
  /** Messages sent to the console (default: all). */
  consoleMessages?: number;
}
