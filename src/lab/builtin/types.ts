import type { Goal } from '../goal';
import type { Lab } from '../types';

export interface BuiltinLab {
  id: string;
  /** The forum question this lab answers. */
  question: string;
  /** What opens: the working lab for a demonstration, the broken one for a challenge. */
  lab: Lab;
  goal: Goal;
  /** A challenge's hints, revealed one at a time. */
  hints: string[];
  challenge?: boolean;
  /** The other state of the lab: `solved` for a challenge, `broken` for a demonstration. Tests check the goal on both. */
  variants: { solved?: Lab; broken?: Lab };
}
