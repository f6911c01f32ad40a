// The trace: every hop of every packet and every decision, as plain data the UI animates and
// inspects (structured-clone safe; traceToJson() for JSON). ns-3 style named trace points:
// each record names its point ("Tx", "Rx", "Forward", "Encap", "Drop", ...) on its device, and
// listeners may subscribe to a point on one device or on all of them.
import type { SimTime } from './scheduler';

export type TracePoint =
  | 'Tx' // a frame leaves an interface onto its link
  | 'Rx' // a frame arrives at an interface
  | 'Forward' // a routing decision
  | 'Encap' // a tunnel wraps a packet
  | 'Decap' // a tunnel unwraps a packet
  | 'Arp' // ARP request, reply, cache update, queued packet
  | 'Deliver' // the packet reached its final local consumer
  | 'Originate' // a device created a packet (ping, ICMP error, protocol message)
  | 'Fragment' // fragmentation or reassembly
  | 'Drop'; // the packet died here, `decision` says why

export interface TraceRecord {
  /** Position in the trace, from 0. */
  seq: number;
  time: SimTime;
  device: string;
  point: TracePoint;
  /**
   * Which packet this is about. A packet keeps its id across hops, encapsulation and
   * decapsulation so the UI can follow it; a reply or ICMP error gets a new id.
   */
  packetId: number;
  ingress?: string;
  egress?: string;
  /** The decision in plain words: "route lookup 10.2.2.0/24 via Tunnel0", "dropped: no route to 10.9.9.9". */
  decision: string;
  /** Label of the outermost encapsulation: "ARP", "ICMP", "GRE", "ESP", "UDP", "OSPF", "IPv4". */
  protocol: string;
  /** Link label for Tx and Rx records: "R1 GigabitEthernet1 - R2 GigabitEthernet1" (the Tx and the
   * Rx of one frame share packetId and link: the frame is on the wire between their times). */
  link?: string;
  /** Bytes before the step (an IP packet or an Ethernet frame). */
  before?: Uint8Array;
  /** Bytes after the step. */
  after?: Uint8Array;
}

export type TraceListener = (rec: TraceRecord) => void;

export class Trace {
  readonly records: TraceRecord[] = [];
  /** When false the records are not kept (bench runs); listeners still fire. */
  keep = true;
  private listeners = new Map<string, TraceListener[]>();
  private nextPacketId = 1;
  /** Records forgotten from the front (forgetOldest); seq keeps counting across them. */
  private forgotten = 0;

  /** False when nothing would see a record: callers may skip building one. */
  get active(): boolean {
    return this.keep || this.listeners.size > 0;
  }

  newPacketId(): number {
    return this.nextPacketId++;
  }

  /** Subscribe to a point on one device ("R1") or on every device ("*"). Returns an unsubscribe. */
  on(device: string, point: TracePoint | '*', fn: TraceListener): () => void {
    const key = `${device}/${point}`;
    const list = this.listeners.get(key) ?? [];
    list.push(fn);
    this.listeners.set(key, list);
    return () => {
      const l = this.listeners.get(key);
      if (l) l.splice(l.indexOf(fn), 1);
    };
  }

  emit(rec: Omit<TraceRecord, 'seq'>): void {
    const full: TraceRecord = { seq: this.forgotten + this.records.length, ...rec };
    if (this.keep) this.records.push(full);
    if (this.listeners.size === 0) return;
    for (const key of [`${rec.device}/${rec.point}`, `${rec.device}/*`, `*/${rec.point}`, '*/*']) {
      const l = this.listeners.get(key);
      if (l) for (const fn of l) fn(full);
    }
  }

  /** Records from `seq` on (the UI asks for what is new since its last look). */
  since(seq: number): TraceRecord[] {
    return this.records.slice(Math.max(0, seq - this.forgotten));
  }

  /**
   * Keeps only the newest `keep` records: a lab left running for an hour would otherwise hold
   * every hello it ever sent. Sequence numbers go on counting, so none is reused.
   */
  forgetOldest(keep: number): number {
    const n = this.records.length - keep;
    if (n <= 0) return 0;
    this.records.splice(0, n);
    this.forgotten += n;
    return n;
  }

  clear(): void {
    this.forgotten += this.records.length;
    this.records.length = 0;
  }
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** JSON form: bytes as hex strings. */
export function traceToJson(records: readonly TraceRecord[]): unknown[] {
  return records.map((r) => ({
    ...r,
    before: r.before ? hex(r.before) : undefined,
    after: r.after ? hex(r.after) : undefined,
  }));
}
