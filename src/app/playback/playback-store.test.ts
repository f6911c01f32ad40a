import { beforeEach, describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim';
import { clock } from './clock';
import { usePlayback, visibleRecords } from './playback-store';

const links = [{ a: 'A e0', b: 'B e0' }];
const rec = (i: number, over: Partial<TraceRecord>): TraceRecord => ({ seq: i, time: i * 500, device: 'A', point: 'Forward', packetId: 1, decision: `step ${i}`, protocol: 'ICMP', ...over });
const records: TraceRecord[] = [
  rec(0, { point: 'Originate' }),
  rec(1, { point: 'Arp', protocol: 'ARP' }),
  rec(2, { point: 'Tx', egress: 'e0' }),
  rec(3, { point: 'Rx', device: 'B', ingress: 'e0' }),
  rec(4, { point: 'Drop', device: 'B', decision: 'dropped: no route to 10.9.9.9' }),
];
const run = { request: { kind: 'ping' as const, source: 'A', destination: 'B', count: 1, size: 100 }, summary: ['.'], espSa: [], target: '10.0.0.2' };

describe('playback store', () => {
  beforeEach(() => {
    usePlayback.getState().clear();
    usePlayback.getState().load(run, records, links);
  });

  it('loads a run selected at its first event, paused at the start', () => {
    const s = usePlayback.getState();
    expect(s.status).toBe('ready');
    expect(s.selected).toBe(0);
    expect(s.playing).toBe(false);
    expect(clock.position).toBe(0);
    expect(clock.end).toBe(5);
  });

  it('steps through events and moves the clock to each one', () => {
    const { step } = usePlayback.getState();
    step(1);
    step(1);
    expect(usePlayback.getState().selected).toBe(2);
    expect(clock.position).toBe(2);
    step(-1);
    expect(usePlayback.getState().selected).toBe(1);
    step(-1);
    step(-1); // stays on the first
    expect(usePlayback.getState().selected).toBe(0);
  });

  it('skips filtered-out protocols when stepping, and lists only what the filters let through', () => {
    const { toggleFilter, step } = usePlayback.getState();
    toggleFilter('arp');
    expect(visibleRecords(usePlayback.getState().timeline!, usePlayback.getState().hidden)).toEqual([0, 2, 3, 4]);
    step(1);
    expect(usePlayback.getState().selected).toBe(2);
    toggleFilter('arp');
    expect(visibleRecords(usePlayback.getState().timeline!, usePlayback.getState().hidden)).toEqual([0, 1, 2, 3, 4]);
  });

  it('selecting a moment pauses and restart goes back to the first event', () => {
    const s = usePlayback.getState();
    s.select(4);
    expect(usePlayback.getState().selected).toBe(4);
    expect(clock.position).toBe(4);
    expect(usePlayback.getState().playing).toBe(false);
    s.restart();
    expect(usePlayback.getState().selected).toBe(0);
    expect(clock.position).toBe(0);
    s.select(99); // out of range: ignored
    expect(usePlayback.getState().selected).toBe(0);
  });

  it('the ESP view goes back to "as on the wire" when another moment is selected', () => {
    const s = usePlayback.getState();
    s.setEspView('decrypted');
    s.select(2);
    expect(usePlayback.getState().espView).toBe('wire');
  });
});
