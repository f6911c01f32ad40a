// A point-to-point Ethernet link with a small propagation delay, as ns-3's point-to-point
// channel: a transmission schedules the peer's receive after the delay. Every frame is recorded
// once in the network's capture, stamped with the time it was put on the wire.
import type { SimTime } from './scheduler';

export interface LinkEnd {
  device: string;
  iface: string;
}

export const DEFAULT_LINK_DELAY: SimTime = 500; // microseconds

export class Link {
  /** "R1 GigabitEthernet1 - R2 GigabitEthernet1", the pcapng interface name (ends never change). */
  readonly label: string;
  /** Scheduler labels of a frame to each end, built once rather than per frame. */
  private readonly toA: string;
  private readonly toB: string;

  constructor(
    /** Position in the lab's link list: the pcapng interface id. */
    readonly index: number,
    readonly a: LinkEnd,
    readonly b: LinkEnd,
    readonly delay: SimTime = DEFAULT_LINK_DELAY,
  ) {
    this.label = `${a.device} ${a.iface} - ${b.device} ${b.iface}`;
    this.toA = `${this.label}: frame to ${a.device}`;
    this.toB = `${this.label}: frame to ${b.device}`;
  }

  peerOf(device: string, iface: string): LinkEnd {
    return this.a.device === device && this.a.iface === iface ? this.b : this.a;
  }

  /** "<label>: frame to R2", the scheduler's name for a frame travelling to `to`. */
  frameLabel(to: LinkEnd): string {
    return to === this.a ? this.toA : this.toB;
  }
}

/** One frame that crossed one link. */
export interface CapturedFrame {
  link: number;
  time: SimTime;
  /** Which end sent it. */
  from: LinkEnd;
  bytes: Uint8Array;
}
