import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Scheduler } from './scheduler';

describe('Scheduler', () => {
  it('runs events by time, then by insertion order', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.schedule(10, 'b', () => seen.push('b'));
    s.schedule(5, 'a', () => seen.push('a'));
    s.schedule(10, 'c', () => seen.push('c'));
    s.schedule(0, 'z', () => seen.push('z'));
    s.runUntilIdle();
    expect(seen).toEqual(['z', 'a', 'b', 'c']);
    expect(s.now).toBe(10);
  });

  it('orders any set of events by (time, id)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), (delays) => {
        const s = new Scheduler();
        const seen: Array<[number, number]> = [];
        delays.forEach((d, i) => s.schedule(d, `e${i}`, () => seen.push([s.now, i])));
        s.runUntilIdle();
        const sorted = delays.map((d, i) => [d, i] as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(seen).toEqual(sorted);
      }),
      { numRuns: 100 },
    );
  });

  it('lets events schedule more events and cancel timers', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    const timer = s.schedule(100, 'timer', () => seen.push(-1));
    s.schedule(1, 'chain', () => {
      seen.push(s.now);
      s.schedule(1, 'next', () => seen.push(s.now));
      timer.cancel();
    });
    s.runUntilIdle();
    expect(seen).toEqual([1, 2]);
  });

  it('runUntil stops at the horizon and advances the clock', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    for (const t of [5, 15, 25]) s.schedule(t, 't', () => seen.push(t));
    expect(s.runUntil(20)).toBe(2);
    expect(s.now).toBe(20);
    expect(seen).toEqual([5, 15]);
    expect(s.step()).toBe(true);
    expect(s.now).toBe(25);
    expect(s.step()).toBe(false);
  });
});
