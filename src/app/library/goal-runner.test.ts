import { describe, expect, it } from 'vitest';
import { builtinLab } from '../../lab/builtin';
import { runGoal } from './goal-runner';

describe('Check on the challenge "the routers ping, the hosts cannot"', () => {
  const entry = builtinLab('hosts-cannot-ping')!;
  it('fails on the lab as opened, naming the failing part, the device and the command', () => {
    const outcome = runGoal(entry.lab, entry.goal);
    expect(outcome.passed).toBe(false);
    expect(outcome.outcomes[0]!.passed).toBe(true);
    expect(outcome.message).toMatch(/H1 reaches H2 \(10\.2\.2\.10\) fails on H1 \(`ping 10\.2\.2\.10`\)/);
  });
  it('passes once R2 has the return route (the solved variant)', () => {
    const outcome = runGoal(entry.variants.solved!, entry.goal);
    expect(outcome.passed).toBe(true);
    expect(outcome.message).toMatch(/^Goal reached/);
  });
  it('a device missing from the lab is a failed part, not a crash', () => {
    const outcome = runGoal({ ...entry.lab, devices: entry.lab.devices.filter((d) => d.name !== 'H1'), links: entry.lab.links.filter((l) => !l.a.startsWith('H1') && !l.b.startsWith('H1')) }, entry.goal);
    expect(outcome.passed).toBe(false);
  });
});
