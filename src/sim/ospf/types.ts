// Shared shapes of the OSPF engine: what it outputs and answers (public), and the per-interface
// and per-neighbour state it keeps (internal to src/sim/ospf).
import type { LsaHeader } from '../../wire/ospf';
import type { Ip } from '../addr';
import { SECOND, type SimTime } from '../scheduler';
import type { OspfInterfaceSetup } from './config';
import type { LsaEntry } from './lsdb';

export type NeighborState = 'DOWN' | 'INIT' | '2WAY' | 'EXSTART' | 'EXCHANGE' | 'LOADING' | 'FULL';
export const RANK: Record<NeighborState, number> = { DOWN: 0, INIT: 1, '2WAY': 2, EXSTART: 3, EXCHANGE: 4, LOADING: 5, FULL: 6 };

export type InterfaceState = 'DOWN' | 'LOOPBACK' | 'WAITING' | 'P2P' | 'DR' | 'BDR' | 'DROTHER';

/** An OSPF packet to send: the IP payload, addressed; TTL 1 as IOS sends all OSPF packets. */
export interface OspfTransmit {
  interface: string;
  src: Ip;
  dst: Ip;
  ttl: 1;
  payload: Uint8Array;
  /** "Hello", "DBD", "LSR", "LSU", "LSAck": for the trace. */
  kind: string;
}

export interface OspfOutput {
  packets: OspfTransmit[];
  /** Console log lines, e.g. `%OSPF-5-ADJCHG: Process 1, Nbr 2.2.2.2 on Tunnel0 from LOADING to FULL, Loading Done`. */
  logs: string[];
  /** Plain explanations for the trace (ignored hellos and why, DBD refused for MTU, ...). */
  notes: string[];
  /** True when `routes()` changed since the last takeOutput. */
  routesChanged: boolean;
}

export interface OspfNeighborRow {
  neighborId: string;
  priority: number;
  /** "FULL/  -" on point-to-point, "FULL/DR", "2WAY/DROTHER", ... */
  state: string;
  /** Time left before the dead timer fires, "00:00:35". */
  deadTime: string;
  address: string;
  interface: string;
}

export interface OspfProtocolInfo {
  processId: number;
  routerId: string;
  areas: string[];
  isAbr: boolean;
  maximumPaths: number;
  /** Network statements in the order IOS lists them. */
  networks: { address: string; wildcard: string; area: string }[];
  passiveInterfaces: string[];
  /** Routers whose LSAs we hold, with the time since their router LSA last changed. */
  sources: { gateway: string; distance: number; lastUpdate: string }[];
  distance: number;
}

export interface OspfEngineOptions {
  /** Delay from an LSDB change to SPF (IOS `timers throttle spf` start: 5000 ms). */
  spfDelay?: SimTime;
  /** Minimum time between two SPF runs (IOS hold: 10000 ms). */
  spfHold?: SimTime;
}

export interface Neighbor {
  routerId: string;
  rid: number;
  address: Ip;
  priority: number;
  dr: Ip;
  bdr: Ip;
  state: NeighborState;
  deadAt: SimTime;
  /** We are master of the database exchange. */
  master: boolean;
  ddSeq: number;
  summary: LsaHeader[];
  sentMore: boolean;
  lastSent?: OspfTransmit;
  lastRecv?: { flags: number; seq: number };
  dbdRxmtAt?: SimTime;
  requests: Map<string, LsaHeader>;
  lsrRxmtAt?: SimTime;
  retransmit: Map<string, LsaEntry>;
  lsuRxmtAt?: SimTime;
  /** Delayed acknowledgements, sent with the interface's next pacing slot. */
  acks: LsaHeader[];
}

export interface Iface {
  setup: OspfInterfaceSetup;
  state: InterfaceState;
  dr: Ip;
  bdr: Ip;
  waitUntil?: SimTime;
  nextHelloAt?: SimTime;
  neighbors: Map<string, Neighbor>;
  /** LSAs waiting for the next paced LS Update on this interface. */
  floodQueue: Map<string, LsaEntry>;
  pacingAt?: SimTime;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "00:00:35" for a duration in simulated microseconds. */
export function hms(us: SimTime): string {
  const s = Math.max(0, Math.floor(us / SECOND));
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}
