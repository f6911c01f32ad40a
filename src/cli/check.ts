// `tunnelscope check LAB.json`: every problem of a lab, one per line, with its device and config
// line number: what restoreLab refuses or warns about, then each config line the IOS model does
// not understand (kept verbatim, reported) or cannot apply.
import { describeProblems, parseLabText, type Lab, type LabProblem } from '../lab';
import { parseConfig } from '../ios';
import { Network, TopologyError } from '../sim';
import { readLabText } from './load';

export interface CheckReport {
  lines: string[];
  ok: boolean;
}

export function configProblems(lab: Lab): LabProblem[] {
  const out: LabProblem[] = [];
  for (const d of lab.devices) {
    const r = parseConfig(d.config);
    const items = [
      ...r.errors.map((e) => ({ line: e.lineNo, message: `${e.message}: ${e.text.trim()}` })),
      ...r.unsupported.map((u) => ({ line: u.lineNo, message: `unsupported command (kept verbatim): ${u.text.trim()}${u.section ? ` (in ${u.section})` : ''}` })),
    ].sort((a, b) => a.line - b.line);
    for (const i of items) out.push({ where: `device ${d.name}, config line ${i.line}`, message: i.message });
  }
  return out;
}

export function checkText(text: string, path: string): CheckReport {
  const r = parseLabText(text, 'file');
  if (!r.ok) return { ok: false, lines: describeProblems(r.problems).split('\n').filter(Boolean) };
  const problems: LabProblem[] = [...r.warnings];
  // src/lab may already report unsupported lines (configWarnings); report each line once.
  for (const p of configProblems(r.lab)) if (!problems.some((q) => q.where === p.where)) problems.push(p);
  try {
    Network.fromLab(r.lab, { parseConfig: (t) => parseConfig(t).config });
  } catch (e) {
    if (!(e instanceof TopologyError)) throw e;
    problems.push({ where: 'links', message: e.message });
  }
  if (problems.length === 0) {
    return { ok: true, lines: [`${path}: OK (${r.lab.devices.length} devices, ${r.lab.links.length} links)`] };
  }
  return { ok: false, lines: describeProblems(problems).split('\n') };
}

export function checkFile(path: string): CheckReport {
  return checkText(readLabText(path), path);
}
