// The one door into the app for lab data. File import, share link, autosave and built-in labs
// all come through restoreLab(): it parses, migrates, validates, and returns either a clean
// document or every problem found, so a bad load never replaces the current lab.
import * as v from 'valibot';
import { checkLab, deviceLabel } from './check';
import { configWarnings } from './config-warnings';
import { LIMITS } from './limits';
import { migrate } from './migrations';
import { printable } from './names';
import { LabV1Schema } from './schema';
import { LAB_FORMAT, type Lab, type LabProblem, type LabSource, type RestoreResult } from './types';

const SOURCE_WORDS: Record<LabSource, string> = {
  file: 'the file',
  link: 'the link',
  storage: 'the saved lab',
  builtin: 'the built-in lab',
};

export function parseLabText(text: string, source: LabSource): RestoreResult {
  if (text.length > LIMITS.textBytes) {
    return refuse('lab', `${SOURCE_WORDS[source]} is ${Math.round(text.length / 1024)} KB; a lab may be at most ${LIMITS.textBytes / 1024 / 1024} MB`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return refuse('lab', `${SOURCE_WORDS[source]} is not valid JSON (${(e as Error).message})`);
  }
  return restoreLab(data, source);
}

export function restoreLab(input: unknown, source: LabSource): RestoreResult {
  if (typeof input === 'string') return parseLabText(input, source);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse('lab', `${SOURCE_WORDS[source]} does not hold a Tunnelscope lab (expected a JSON object)`);
  }
  const doc = input as Record<string, unknown>;
  if (doc.format !== LAB_FORMAT) {
    return refuse('field format', `${SOURCE_WORDS[source]} is not a Tunnelscope lab (its "format" is not "${LAB_FORMAT}")`);
  }
  const migrated = migrate(doc);
  if (!migrated.ok) return refuse('field version', migrated.message);

  const parsed = v.safeParse(LabV1Schema, migrated.doc);
  if (!parsed.success) return { ok: false, problems: parsed.issues.map((issue) => schemaProblem(issue, migrated.doc)) };

  const lab = normalise(parsed.output);
  const problems = checkLab(lab);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, lab, warnings: configWarnings(lab) };
}

/** Rebuilds the document from known fields only, so nothing unexpected rides along. */
function normalise(out: v.InferOutput<typeof LabV1Schema>): Lab {
  const lab: Lab = {
    format: LAB_FORMAT,
    version: 1,
    title: out.title,
    notes: out.notes,
    devices: out.devices.map((d) => ({ name: d.name, kind: d.kind, x: d.x, y: d.y, config: d.config })),
    links: out.links.map((l) => ({ a: l.a, b: l.b })),
  };
  if (out.seed !== undefined) lab.seed = out.seed;
  return lab;
}

function schemaProblem(issue: v.BaseIssue<unknown>, doc: Record<string, unknown>): LabProblem {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  // valibot words a missing key as 'Invalid key: Expected "links" but received undefined'.
  const message = issue.received === 'undefined' ? 'is missing' : issue.message;
  return { where: describePath(keys, doc), message };
}

function describePath(keys: (string | number)[], doc: Record<string, unknown>): string {
  const [top, index, field] = keys;
  if (top === 'devices' && typeof index === 'number') {
    const device = (doc.devices as Record<string, unknown>[] | undefined)?.[index];
    const label = deviceLabel(device?.name, index);
    return field === undefined ? label : `${label} (field ${printable(String(field))})`;
  }
  if (top === 'links' && typeof index === 'number') {
    return field === undefined ? `link ${index + 1}` : `link ${index + 1} (field ${printable(String(field))})`;
  }
  return top === undefined ? 'lab' : `field ${printable(String(top))}`;
}

function refuse(where: string, message: string): RestoreResult {
  return { ok: false, problems: [{ where, message }] };
}

/** One line per problem, for a message box or stderr. */
export function describeProblems(problems: LabProblem[]): string {
  return problems.map((p) => `${p.where}: ${p.message}`).join('\n');
}
