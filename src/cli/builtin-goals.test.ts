// Every built-in lab's goal, checked through the console on the real engine (as the app's goal
// runner does): it passes on the working variant and fails, with a message that says where to
// look, on the broken one.
import { describe, expect, it } from 'vitest';
import { createConsole, simConsoleDevice, type Console } from '../console';
import { parseConfig } from '../ios';
import { BUILTIN_LABS } from '../lab/builtin';
import { checkGoal, type Goal, type GoalOutcome } from '../lab/goal';
import type { Lab } from '../lab/types';
import { Network } from '../sim';

function runGoal(lab: Lab, goal: Goal): GoalOutcome {
  const net = Network.fromLab(lab, { parseConfig: (text) => parseConfig(text).config });
  net.converge();
  const consoles = new Map<string, Console>();
  return checkGoal(goal, (device, command) => {
    let c = consoles.get(device);
    if (!c) {
      const dev = net.device(device);
      if (!dev) return `% ${device} is not in the lab`;
      dev.drainConsole();
      c = createConsole(simConsoleDevice(net, dev), { privileged: true });
      consoles.set(device, c);
    }
    return c.execute(command).output;
  });
}

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
