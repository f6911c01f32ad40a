import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReplayWindow } from './replay';

describe('anti-replay window (RFC 4303 Appendix A)', () => {
  it('accepts new numbers, refuses repeats and numbers left of a 64-wide window', () => {
    const w = new ReplayWindow();
    for (const s of [1, 2, 3, 5]) {
      expect(w.check(s)).toEqual({ ok: true });
      w.accept(s);
    }
    expect(w.check(3)).toEqual({ ok: false, reason: 'replayed sequence 3' });
    expect(w.check(4)).toEqual({ ok: true }); // late, but inside the window
    w.accept(100);
    expect(w.check(37)).toEqual({ ok: true }); // 100 - 37 = 63: the window's left edge
    expect(w.check(36)).toEqual({ ok: false, reason: 'sequence 36 is left of the window (highest 100, window 64)' });
    expect(w.check(100)).toEqual({ ok: false, reason: 'replayed sequence 100' });
    expect(w.check(0).ok).toBe(false);
    expect(w.highest).toBe(100);
  });

  it('remembers marks across a shift that is not a multiple of 32', () => {
    const w = new ReplayWindow(128);
    w.accept(10);
    w.accept(55); // shift 45
    expect(w.check(10).ok).toBe(false);
    expect(w.check(11).ok).toBe(true);
    w.accept(137); // 137 - 10 = 127 still inside
    expect(w.check(10)).toEqual({ ok: false, reason: 'replayed sequence 10' });
    w.accept(138);
    expect(w.check(10)).toEqual({ ok: false, reason: 'sequence 10 is left of the window (highest 138, window 128)' });
    expect(w.check(11)).toEqual({ ok: true });
  });

  it('behaves like a set of seen numbers within the window (property, against a model)', () => {
    fc.assert(
      fc.property(fc.constantFrom(32, 64, 96), fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 200 }), (size, seqs) => {
        const w = new ReplayWindow(size);
        const seen = new Set<number>();
        let top = 0;
        for (const s of seqs) {
          const expected = s > top ? true : top - s >= size ? false : !seen.has(s);
          expect(w.check(s).ok).toBe(expected);
          if (expected) {
            w.accept(s);
            seen.add(s);
            top = Math.max(top, s);
          }
        }
      }),
    );
  });

  it('refuses a window size that is not a multiple of 32', () => {
    expect(() => new ReplayWindow(48)).toThrow(RangeError);
  });
});
