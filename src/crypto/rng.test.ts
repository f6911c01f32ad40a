import { describe, expect, it } from 'vitest';
import { SeededRandom } from './rng';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('SeededRandom', () => {
  it('gives one byte stream per seed, whatever the read sizes', () => {
    const a = new SeededRandom(1);
    const b = new SeededRandom(1);
    const whole = a.bytes(3000);
    const parts = new Uint8Array(3000);
    let at = 0;
    for (const n of [1, 7, 1023, 1, 1968]) {
      parts.set(b.bytes(n), at);
      at += n;
    }
    expect(hex(parts)).toBe(hex(whole));
  });

  it('gives different streams for different seeds and forks', () => {
    expect(hex(new SeededRandom(1).bytes(16))).not.toBe(hex(new SeededRandom(2).bytes(16)));
    const root = new SeededRandom(7);
    expect(hex(root.fork('R1').bytes(16))).not.toBe(hex(root.fork('R2').bytes(16)));
    expect(hex(root.fork('R1').bytes(16))).toBe(hex(new SeededRandom(7).fork('R1').bytes(16)));
  });

  it('keeps int() inside its bounds', () => {
    const r = new SeededRandom('bounds');
    for (let i = 0; i < 2000; i++) {
      const v = r.int(256, 0xffff);
      expect(v).toBeGreaterThanOrEqual(256);
      expect(v).toBeLessThanOrEqual(0xffff);
    }
  });
});
