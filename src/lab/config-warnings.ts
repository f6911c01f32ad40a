// Config lines that load but that the model does not understand. They are kept verbatim and
// reported, never dropped (DESIGN.md). The IOS parser in src/ios decides what is understood;
// validateConfig adds what IOS would accept now and fail on later (a missing profile, a bad mask).
import { parseConfig, validateConfig } from '../ios';
import { printable } from './names';
import type { Lab, LabProblem } from './types';

export function configWarnings(lab: Lab): LabProblem[] {
  const out: LabProblem[] = [];
  for (const device of lab.devices) {
    const parsed = parseConfig(device.config);
    for (const line of parsed.errors) {
      out.push({ where: `device ${device.name}, config line ${line.lineNo}`, message: `${line.message}: "${printable(line.text.trim())}" (kept as written)` });
    }
    for (const line of parsed.unsupported) {
      out.push({ where: `device ${device.name}, config line ${line.lineNo}`, message: `not a command this lab understands (kept as written): "${printable(line.text.trim())}"` });
    }
    for (const problem of validateConfig(parsed.config, device.config)) {
      const where = problem.lineNo ? `device ${device.name}, config line ${problem.lineNo}` : `device ${device.name} (${problem.where})`;
      out.push({ where, message: problem.message });
    }
  }
  return out;
}
