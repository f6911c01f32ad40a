// A built-in lab's goal: checks a learner can read, which the engine runs through the same
// console a learner types into. Lab stays free of the engine: the caller supplies `run`, which
// executes one exec command at a device (privileged EXEC) and returns what the console printed.

export interface GoalCheck {
  /** The part of the goal, as a learner reads it: "H1 reaches H2 (10.2.2.10)". */
  description: string;
  device: string;
  /** An exec command, e.g. "ping 10.2.2.10" or "show crypto ipsec sa". */
  command: string;
  /** A regular expression the output must match (or must not, with expect 'absent'). */
  pattern: string;
  expect?: 'present' | 'absent';
  /** Run the command once before the checked run: the first ping of a lab loses packets to ARP and IKE. */
  warmup?: boolean;
  /** Where to look when this part fails. */
  whereToLook: string;
}

export interface Goal {
  summary: string;
  checks: GoalCheck[];
}

export interface CheckOutcome {
  check: GoalCheck;
  passed: boolean;
  output: string;
}

export interface GoalOutcome {
  passed: boolean;
  outcomes: CheckOutcome[];
  /** The first failing part in a sentence, or a success message. */
  message: string;
}

export function checkGoal(goal: Goal, run: (device: string, command: string) => string): GoalOutcome {
  const outcomes: CheckOutcome[] = [];
  for (const check of goal.checks) {
    if (check.warmup) run(check.device, check.command);
    const output = run(check.device, check.command);
    const found = new RegExp(check.pattern, 'm').test(output);
    outcomes.push({ check, passed: check.expect === 'absent' ? !found : found, output });
  }
  const failed = outcomes.find((o) => !o.passed);
  return {
    passed: !failed,
    outcomes,
    message: failed
      ? `Not yet: ${failed.check.description} fails on ${failed.check.device} (\`${failed.check.command}\`). ${failed.check.whereToLook}`
      : `Goal reached: ${goal.summary}`,
  };
}
