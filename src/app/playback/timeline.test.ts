import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim';
import { runTraffic } from '../traffic/engine';
import { plainGreDefaultLab } from '../traffic/lab-variants';
import { encapsulationOf } from './encapsulation';
import { along, buildTimeline, dropsAt, recordAt, transitsAt } from './timeline';

const lab = plainGreDefaultLab();
const run = runTraffic(lab, { kind: 'ping', source: 'H1', destination: 'H2', count: 5, size: 100 });
if (!run.ok) throw new Error(run.error);
const timeline = buildTimeline(run.records, lab.links);

const rec = (over: Partial<TraceRecord>): TraceRecord => ({ seq: 0, time: 0, device: 'A', point: 'Tx', packetId: 1, decision: '', protocol: 'ICMP', ...over });

describe('buildTimeline', () => {
  it('gives records at the same simulated instant the same beat, and beats in order', () => {
    timeline.records.forEach((r, i) => {
      if (i === 0) return expect(timeline.beatOf[0]).toBe(0);
      const prev = timeline.records[i - 1]!;
      expect(timeline.beatOf[i]).toBe(timeline.beatOf[i - 1]! + (r.time === prev.time ? 0 : 1));
    });
    expect(timeline.beatCount).toBe(timeline.beatOf.at(-1)! + 1);
  });

  it('pairs every Tx with the Rx at the far end of its link', () => {
    expect(timeline.transits.length).toBe(run.records.filter((r) => r.point === 'Tx').length);
    for (const t of timeline.transits) {
      const tx = run.records[t.seq]!;
      const rx = run.records[t.rxSeq!]!;
      expect(rx.point).toBe('Rx');
      expect(rx.packetId).toBe(tx.packetId);
      expect(rx.device).toBe(t.to);
      expect(`${lab.links[t.linkIndex]!.a} ${lab.links[t.linkIndex]!.b}`).toContain(`${tx.device} ${tx.egress}`);
      expect(t.endBeat).toBeGreaterThan(t.startBeat);
    }
  });

  it('colours the R1 - R2 crossing of an echo as GRE and the LAN crossings as plain IP', () => {
    const r1r2 = timeline.transits.filter((t) => t.from === 'R1' && t.to === 'R2' && run.records[t.seq]!.protocol !== 'ARP');
    expect(r1r2.length).toBeGreaterThan(0);
    expect(r1r2.every((t) => t.encapsulation === 'gre')).toBe(true);
    expect(timeline.transits.some((t) => t.from === 'H1' && t.encapsulation === 'ip')).toBe(true);
    expect(timeline.transits.some((t) => t.encapsulation === 'arp')).toBe(true);
  });

  it('marks drops where they happen, with the reason', () => {
    expect(timeline.drops.length).toBeGreaterThan(0);
    const first = timeline.drops[0]!;
    expect(first.device).toBe('H1');
    expect(first.reason).toMatch(/^no ARP entry/);
    expect(dropsAt(timeline, first.beat + 0.5)).toContain(first);
    expect(dropsAt(timeline, first.beat + 2)).not.toContain(first);
  });
});

describe('positions', () => {
  it('moves a transit from 0 to 1 across its beats', () => {
    const t = timeline.transits[0]!;
    const at = (p: number) => transitsAt(timeline, p).find((x) => x.transit === t)?.progress;
    expect(at(t.startBeat)).toBe(0);
    expect(at((t.startBeat + t.endBeat) / 2)).toBeCloseTo(0.5);
    expect(at(t.endBeat)).toBeUndefined();
    expect(at(t.startBeat - 0.01)).toBeUndefined();
  });

  it('finds the last record reached at a position', () => {
    expect(recordAt(timeline, -0.5)).toBe(-1);
    const last = timeline.beatOf.lastIndexOf(0);
    expect(recordAt(timeline, 0)).toBe(last);
    expect(recordAt(timeline, 0.99)).toBe(last);
    expect(recordAt(timeline, timeline.beatCount + 5)).toBe(timeline.records.length - 1);
  });

  it('interpolates along a segment and clamps outside it', () => {
    expect(along({ x: 0, y: 0 }, { x: 10, y: 20 }, 0.25)).toEqual({ x: 2.5, y: 5 });
    expect(along({ x: 0, y: 0 }, { x: 10, y: 20 }, 2)).toEqual({ x: 10, y: 20 });
  });

  it('treats a Tx with no Rx as one beat on the wire', () => {
    const t = buildTimeline([rec({ device: 'A', egress: 'e0' })], [{ a: 'A e0', b: 'B e0' }]);
    expect(t.transits[0]).toMatchObject({ from: 'A', to: 'B', startBeat: 0, endBeat: 1 });
    expect(t.transits[0]!.rxSeq).toBeUndefined();
  });
});

describe('encapsulationOf', () => {
  it('maps the engine labels to the legend', () => {
    expect(['ICMP', 'ARP', 'GRE', 'ESP', 'UDP-ESP', 'ISAKMP', 'OSPF', 'UDP', 'IPv4'].map(encapsulationOf)).toEqual(['ip', 'arp', 'gre', 'esp', 'esp-udp', 'ike', 'ospf', 'ip', 'ip']);
  });
});

describe('windowOf (event list virtualisation)', () => {
  it('renders the rows in view plus overscan, clamped to the list', async () => {
    const { windowOf } = await import('./virtual-window');
    expect(windowOf(1000, 24, 0, 240, 5)).toEqual({ first: 0, last: 15 });
    expect(windowOf(1000, 24, 2400, 240, 5)).toEqual({ first: 95, last: 115 });
    expect(windowOf(12, 24, 0, 240, 5)).toEqual({ first: 0, last: 12 });
    expect(windowOf(0, 24, 0, 240, 5)).toEqual({ first: 0, last: 0 });
  });
});
