// Runs a built-in lab's goal on the lab as it is now: a fresh simulation of the current document
// (so the learner's open consoles and their modes are left alone), converged as the CLI does,
// one privileged console per device, then checkGoal. Loaded lazily: it brings in the engine.
import { createConsole, simConsoleDevice, type Console } from '../../console';
import { parseConfig } from '../../ios';
import { checkGoal, type Goal, type GoalOutcome } from '../../lab/goal';
import type { LabV1 } from '../../lab/types';
import { Network } from '../../sim';

export function runGoal(lab: LabV1, goal: Goal): GoalOutcome {
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
