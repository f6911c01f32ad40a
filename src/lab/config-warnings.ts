// Config lines that load but that the model does not understand. They are kept verbatim and
// reported, never dropped (DESIGN.md). The IOS parser in src/ios decides what is understood.
import type { Lab, LabProblem } from './types';

export function configWarnings(_lab: Lab): LabProblem[] {
  return [];
}
