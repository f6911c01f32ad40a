// The simulation clock and event queue, shaped like ns-3's simulator: events run in order of
// (time, insertion id), so two events at the same instant run in the order they were scheduled
// and a run replays identically. Time is in simulated microseconds (integers).

export type SimTime = number;

export const MICROSECOND = 1;
export const MILLISECOND = 1000;
export const SECOND = 1_000_000;

/** A queued event is its own cancel handle: no closure or wrapper object per event. */
class QueuedEvent {
  cancelled = false;
  constructor(
    readonly time: SimTime,
    readonly id: number,
    readonly label: string,
    readonly run: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/** A handle to cancel a scheduled event (timers: ARP expiry, retransmissions). */
export interface EventHandle {
  readonly time: SimTime;
  cancel(): void;
}

export class Scheduler {
  private heap: QueuedEvent[] = [];
  private nextId = 0;
  private clock: SimTime = 0;
  /** Events executed since construction (bench figures). */
  executed = 0;

  get now(): SimTime {
    return this.clock;
  }

  get pending(): number {
    return this.heap.length;
  }

  /** Runs `run` after `delay` microseconds (0 = later in this instant, after what is queued). */
  schedule(delay: SimTime, label: string, run: () => void): EventHandle {
    if (!(delay >= 0)) throw new Error(`negative or invalid delay ${delay} for ${label}`);
    return this.at(this.clock + Math.round(delay), label, run);
  }

  at(time: SimTime, label: string, run: () => void): EventHandle {
    const ev = new QueuedEvent(Math.max(time, this.clock), this.nextId++, label, run);
    this.push(ev);
    return ev;
  }

  /** Time of the next live event, or undefined when idle. */
  peekTime(): SimTime | undefined {
    this.dropCancelled();
    return this.heap[0]?.time;
  }

  /** Executes exactly one event; returns false when the queue is empty. */
  step(): boolean {
    this.dropCancelled();
    const ev = this.pop();
    if (!ev) return false;
    this.clock = ev.time;
    this.executed++;
    ev.run();
    return true;
  }

  /** Runs every event with time <= `time`, then sets the clock to `time`. */
  runUntil(time: SimTime, maxEvents = 10_000_000): number {
    let n = 0;
    for (;;) {
      const next = this.peekTime();
      if (next === undefined || next > time) break;
      if (n++ >= maxEvents) throw new Error(`simulation did not settle after ${maxEvents} events`);
      this.step();
    }
    if (time > this.clock) this.clock = time;
    return n;
  }

  runFor(duration: SimTime, maxEvents?: number): number {
    return this.runUntil(this.clock + duration, maxEvents);
  }

  /**
   * Runs until no event is left or the next one is later than `horizon` (periodic timers such
   * as keepalives never let a network go idle, so callers give a horizon).
   */
  runUntilIdle(horizon: SimTime = Number.MAX_SAFE_INTEGER, maxEvents = 10_000_000): number {
    let n = 0;
    for (;;) {
      const next = this.peekTime();
      if (next === undefined || next > horizon) break;
      if (n++ >= maxEvents) throw new Error(`simulation did not settle after ${maxEvents} events`);
      this.step();
    }
    return n;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private less(a: QueuedEvent, b: QueuedEvent): boolean {
    return a.time < b.time || (a.time === b.time && a.id < b.id);
  }

  private push(ev: QueuedEvent): void {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): QueuedEvent | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
