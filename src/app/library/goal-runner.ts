// Runs a built-in lab's goal on the lab as it is now: a fresh simulation of the current document
// (so the learner's open consoles and their modes are left alone), converged as the CLI does,
// one privileged console per device, then checkGoal. Loaded lazily: it brings in the engine.
import { networkConsoles } from '../../console';
import { parseConfig } from '../../ios';
import { checkGoal, type Goal, type GoalOutcome } from '../../lab/goal';
import type { LabV1 } from '../../lab/types';
import { Network } from '../../sim';

export function runGoal(lab: LabV1, goal: Goal): GoalOutcome {
  const net = Network.fromLab(lab, { parseConfig: (text) => parseConfig(text).config });
  net.converge();
  const consoleOf = networkConsoles(net);
  return checkGoal(goal, (device, command) => consoleOf(device)?.execute(command).output ?? `% ${device} is not in the lab`);
}
