// Trace records -> a playback timeline. Simulated time is uneven (half a millisecond on a wire,
// two seconds of ping timeout), so playback runs on "beats": every distinct simulated instant is
// one beat, and a packet on a wire moves from the beat its Tx happened to the beat its Rx did.
// Positions are fractional beats; the clock turns wall time into beats at the chosen speed.
import type { TraceRecord } from '../../sim';
import { encapsulationOf, type Encapsulation } from './encapsulation';

export interface LinkEnds {
  a: string;
  b: string;
}

/** One frame crossing one link. */
export interface Transit {
  /** The Tx record. */
  seq: number;
  /** The matching Rx record at the far end, when the frame arrived. */
  rxSeq?: number;
  packetId: number;
  linkIndex: number;
  from: string;
  to: string;
  startBeat: number;
  endBeat: number;
  encapsulation: Encapsulation;
}

export interface DropMark {
  seq: number;
  device: string;
  beat: number;
  reason: string;
}

export interface Timeline {
  records: readonly TraceRecord[];
  /** Beat of each record, by index in `records`. */
  beatOf: readonly number[];
  beatCount: number;
  transits: readonly Transit[];
  drops: readonly DropMark[];
}

const splitEnd = (text: string): { device: string; iface: string } | undefined => {
  const m = /^(\S+) (\S+)$/.exec(text);
  return m ? { device: m[1]!, iface: m[2]! } : undefined;
};

export function buildTimeline(records: readonly TraceRecord[], links: readonly LinkEnds[]): Timeline {
  const beatOf: number[] = [];
  let beat = -1;
  let lastTime = Number.NaN;
  for (const r of records) {
    if (r.time !== lastTime) {
      beat++;
      lastTime = r.time;
    }
    beatOf.push(beat);
  }
  // Which link, and which far end, each "DEVICE INTERFACE" is cabled to.
  const far = new Map<string, { linkIndex: number; device: string; iface: string }>();
  links.forEach((l, linkIndex) => {
    const a = splitEnd(l.a);
    const b = splitEnd(l.b);
    if (!a || !b) return;
    far.set(`${a.device} ${a.iface}`, { linkIndex, ...b });
    far.set(`${b.device} ${b.iface}`, { linkIndex, ...a });
  });

  const transits: Transit[] = [];
  const drops: DropMark[] = [];
  const claimedRx = new Set<number>();
  records.forEach((r, i) => {
    if (r.point === 'Drop') drops.push({ seq: i, device: r.device, beat: beatOf[i]!, reason: r.decision.replace(/^dropped:\s*/, '') });
    if (r.point !== 'Tx' || r.egress === undefined) return;
    const peer = far.get(`${r.device} ${r.egress}`);
    if (!peer) return;
    let rxSeq: number | undefined;
    for (let j = i + 1; j < records.length; j++) {
      const x = records[j]!;
      if (x.point === 'Rx' && x.device === peer.device && x.ingress === peer.iface && x.packetId === r.packetId && x.time >= r.time && !claimedRx.has(j)) {
        rxSeq = j;
        claimedRx.add(j);
        break;
      }
    }
    const startBeat = beatOf[i]!;
    const endBeat = rxSeq !== undefined ? beatOf[rxSeq]! : startBeat + 1;
    transits.push({
      seq: i,
      ...(rxSeq !== undefined ? { rxSeq } : {}),
      packetId: r.packetId,
      linkIndex: peer.linkIndex,
      from: r.device,
      to: peer.device,
      startBeat,
      endBeat: Math.max(endBeat, startBeat + 1),
      encapsulation: encapsulationOf(r.protocol),
    });
  });
  return { records, beatOf, beatCount: beat + 1, transits, drops };
}

/** Transits on a wire at `position` (fractional beats), with how far along each is (0..1). */
export function transitsAt(t: Timeline, position: number): Array<{ transit: Transit; progress: number }> {
  const out: Array<{ transit: Transit; progress: number }> = [];
  for (const transit of t.transits) {
    if (position < transit.startBeat || position >= transit.endBeat) continue;
    out.push({ transit, progress: (position - transit.startBeat) / (transit.endBeat - transit.startBeat) });
  }
  return out;
}

/** Drops to show at `position`: those in the current beat and the one after it (so they linger). */
export function dropsAt(t: Timeline, position: number): DropMark[] {
  return t.drops.filter((d) => position >= d.beat && position < d.beat + 2);
}

/** The last record (index) whose beat has been reached at `position`, or -1 before the start. */
export function recordAt(t: Timeline, position: number): number {
  let lo = 0;
  let hi = t.beatOf.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.beatOf[mid]! <= position) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The point a fraction `f` of the way from `a` to `b`. */
export function along(a: { x: number; y: number }, b: { x: number; y: number }, f: number): { x: number; y: number } {
  const k = Math.min(1, Math.max(0, f));
  return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
}

/** Which protocol filter a record belongs to (the event list's checkboxes). */
export const filterKeyOf = (r: TraceRecord): Encapsulation => encapsulationOf(r.protocol);
