// A lab that loads may still hold config lines the lab does not understand: they are kept as
// written (DESIGN.md) and do nothing, so a learner must be told which, or a typo looks applied.
import type { LabProblem } from '../../lab/types';

export interface LoadNotice {
  title: string;
  problems: LabProblem[];
}

export function loadWarningNotice(what: string, warnings: readonly LabProblem[]): LoadNotice | undefined {
  if (warnings.length === 0) return undefined;
  return {
    title: `${what} opened, but ${warnings.length === 1 ? 'one config line is' : `${warnings.length} config lines are`} not understood by this lab: kept as written, ${warnings.length === 1 ? 'it does' : 'they do'} nothing until corrected.`,
    problems: [...warnings],
  };
}
