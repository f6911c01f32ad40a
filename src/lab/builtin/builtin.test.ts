import { describe, expect, it } from 'vitest';
import { restoreLab } from '../restore';
import { BUILTIN_LABS } from './index';

describe('the built-in lab library', () => {
  it('has one lab for each question of the forum thread, with unique ids', () => {
    expect(new Set(BUILTIN_LABS.map((l) => l.id)).size).toBe(BUILTIN_LABS.length);
    for (const q of ['tunnel protection', 'GRE over IPsec', 'NAT', 'OSPF', 'routers ping each other', 'hub']) {
      expect(BUILTIN_LABS.some((l) => l.question.includes(q))).toBe(true);
    }
  });
  for (const entry of BUILTIN_LABS) {
    it(`${entry.id}: every variant loads through restoreLab, and the variant differs from the lab`, () => {
      for (const lab of [entry.lab, entry.variants.solved, entry.variants.broken].filter((l) => l !== undefined)) {
        const r = restoreLab(lab, 'builtin');
        expect(r.ok ? [] : r.problems).toEqual([]);
        // A working lab draws no warning; a broken one may (the VTI without protection does).
        if (lab === entry.variants.solved || (lab === entry.lab && !entry.challenge)) expect(r.ok ? r.warnings : []).toEqual([]);
      }
      const other = entry.challenge ? entry.variants.solved : entry.variants.broken;
      expect(other).toBeDefined();
      expect(JSON.stringify(other)).not.toBe(JSON.stringify(entry.lab));
      expect(entry.goal.checks.length).toBeGreaterThan(0);
      if (entry.challenge) expect(entry.hints.length).toBeGreaterThanOrEqual(2);
    });
  }
});
