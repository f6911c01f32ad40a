import { describe, expect, it } from 'vitest';
import { Trace } from './trace';

const emit = (t: Trace, n: number) => {
  for (let i = 0; i < n; i++) t.emit({ time: i, device: 'R1', point: 'Tx', packetId: i + 1, decision: `frame ${i}`, protocol: 'ICMP' });
};

describe('Trace', () => {
  it('forgets its oldest records on request; sequence numbers never repeat, and since() still answers by seq', () => {
    const t = new Trace();
    emit(t, 10);
    expect(t.forgetOldest(4)).toBe(6);
    expect(t.records.map((r) => r.seq)).toEqual([6, 7, 8, 9]);
    emit(t, 2);
    expect(t.records.map((r) => r.seq)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(t.since(9).map((r) => r.seq)).toEqual([9, 10, 11]);
    expect(t.since(2).map((r) => r.seq)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(t.forgetOldest(100)).toBe(0);
    t.clear();
    emit(t, 1);
    expect(t.records.map((r) => r.seq)).toEqual([12]);
  });
});
