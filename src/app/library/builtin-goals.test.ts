// Every built-in lab's goal, checked through the console on the real engine by the app's goal
// runner: it passes on the working variant and fails, with a message that says where to
// look, on the broken one.
import { describe, expect, it } from 'vitest';
import { BUILTIN_LABS } from '../../lab/builtin';
import type { GoalOutcome } from '../../lab/goal';
import { runGoal } from './goal-runner';

const explain = (o: GoalOutcome) => `${o.message}\n${o.outcomes.filter((x) => !x.passed).map((x) => `--- ${x.check.device}: ${x.check.command}\n${x.output}`).join('\n')}`;

describe('built-in lab goals on the engine', () => {
  for (const entry of BUILTIN_LABS) {
    const working = entry.challenge ? entry.variants.solved : entry.lab;
    const broken = entry.challenge ? entry.lab : entry.variants.broken;
    it(`${entry.id}: the goal passes on the working lab`, () => {
      const o = runGoal(working!, entry.goal);
      expect(o.passed, explain(o)).toBe(true);
      expect(o.message).toMatch(/^Goal reached/);
    });
    it(`${entry.id}: the goal fails on the broken lab, saying where to look`, () => {
      const o = runGoal(broken!, entry.goal);
      expect(o.passed).toBe(false);
      expect(o.message).toMatch(/^Not yet: .+ fails on \S+ \(`.+`\)\. \S/);
    });
  }
});
