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
  constructor(
    /** Position in the lab's link list: the pcapng interface id. */
    readonly index: number,
    readonly a: LinkEnd,
    readonly b: LinkEnd,
    readonly delay: SimTime = DEFAULT_LINK_DELAY,
  ) {}

  /** "R1 GigabitEthernet1 - R2 GigabitEthernet1", the pcapng interface name. */
  get label(): string {
    return `${this.a.device} ${this.a.iface} - ${this.b.device} ${this.b.iface}`;
  }

  peerOf(device: string, iface: string): LinkEnd {
    return this.a.device === device && this.a.iface === iface ? this.b : this.a;
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
