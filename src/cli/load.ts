// Reading a lab file for the CLI: every failure becomes one clear line (BadInput), never a
// stack trace. All loading goes through src/lab's restoreLab, as in the app.
import { readFileSync, statSync } from 'node:fs';
import { describeProblems, parseLabText, type Lab, type LabProblem } from '../lab';
import { BUILTIN_LABS } from '../lab/builtin';

export class BadInput extends Error {}

const MAX_FILE = 8 * 1024 * 1024;

const BUILTIN = /^builtin:([a-z0-9-]+)(?:\/(broken|solved))?$/;

/**
 * `builtin:ID`, `builtin:ID/broken` or `builtin:ID/solved`: a lab of the app's library as JSON
 * text, so it loads through the same door as a file.
 */
function builtinLabText(spec: string): string | undefined {
  if (!spec.startsWith('builtin:')) return undefined;
  const m = BUILTIN.exec(spec);
  const entry = m ? BUILTIN_LABS.find((l) => l.id === m[1]) : undefined;
  if (!m || !entry) throw new BadInput(`no built-in lab "${spec.slice(8)}" (tunnelscope labs lists them: ${BUILTIN_LABS.map((l) => l.id).join(', ')})`);
  const variant = m[2] as 'broken' | 'solved' | undefined;
  const lab = variant ? entry.variants[variant] : entry.lab;
  if (!lab) throw new BadInput(`the built-in lab ${entry.id} has no ${variant} variant (it has: ${Object.keys(entry.variants).join(', ') || 'none'})`);
  return JSON.stringify(lab);
}

/** The lab's text (a file, or builtin:ID); BadInput when it cannot be read or is not UTF-8 text. */
export function readLabText(path: string): string {
  const builtin = builtinLabText(path);
  if (builtin !== undefined) return builtin;
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new BadInput(`${path} is a directory, not a lab file`);
    if (st.size > MAX_FILE) throw new BadInput(`${path} is ${Math.round(st.size / 1024)} KB, too big for a lab file`);
    const bytes = readFileSync(path);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    if (e instanceof BadInput) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BadInput(`cannot read ${path}: no such file`);
    if (code === 'EACCES') throw new BadInput(`cannot read ${path}: permission denied`);
    if (e instanceof TypeError) throw new BadInput(`${path} is not a lab file (not UTF-8 text)`);
    throw new BadInput(`cannot read ${path}: ${(e as Error).message}`);
  }
  return text;
}

export function readLabFile(path: string): { lab: Lab; warnings: LabProblem[] } {
  const text = readLabText(path);
  const r = parseLabText(text, 'file');
  if (!r.ok) throw new BadInput(`${path} is not a valid lab: ${oneLine(describeProblems(r.problems))}`);
  return { lab: r.lab, warnings: r.warnings };
}

/** Several problems on one line, so stderr stays one line. */
export const oneLine = (text: string): string => text.split('\n').filter(Boolean).join('; ');

/** Control and non-ASCII characters as escapes: a hostile file never prints raw bytes. */
export const printableLine = (text: string, max = 400): string => {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(/[^\x20-\x7e…]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
};
