// The commands. Each takes parsed arguments and an Io (so tests run them in-process) and
// returns the exit status.
import { writeFileSync } from 'node:fs';
import { labToFragment, readLabFragment, describeProblems } from '../lab';
import { BUILTIN_LABS } from '../lab/builtin';
import type { Command } from './args';
import { USAGE } from './args';
import { checkFile } from './check';
import { BadInput, oneLine, printableLine, readLabFile } from './load';
import { runLab } from './run';

export interface Io {
  /** One chunk of standard output (joined with newlines). */
  stdout(text: string): void;
  /** One line of standard error. */
  stderr(line: string): void;
}

export function runCommand(cmd: Command, io: Io): number {
  switch (cmd.name) {
    case 'help':
      io.stdout(USAGE);
      return 0;
    case 'labs':
      for (const l of BUILTIN_LABS) {
        const variants = Object.keys(l.variants).map((v) => ` builtin:${l.id}/${v}`).join('');
        io.stdout(`builtin:${l.id}${variants}\n  ${l.lab.title}`);
      }
      return 0;
    case 'check': {
      const report = checkFile(cmd.lab);
      for (const l of report.lines) io.stdout(printableLine(l));
      return report.ok ? 0 : 1;
    }
    case 'run': {
      const { lab } = readLabFile(cmd.lab);
      const result = runLab(lab, cmd);
      io.stdout(result.transcript);
      if (cmd.pcap) writeOut(cmd.pcap, result.pcap());
      if (cmd.keys) writeOut(cmd.keys, result.espSaLines().map((l) => `${l}\n`).join(''));
      if (cmd.ikeKeys) writeOut(cmd.ikeKeys, result.ikeLines().map((l) => `${l}\n`).join(''));
      return 0;
    }
    case 'link': {
      const { lab } = readLabFile(cmd.lab);
      io.stdout(labToFragment(lab));
      return 0;
    }
    case 'unlink': {
      const text = cmd.fragment.includes('#') ? cmd.fragment.slice(cmd.fragment.indexOf('#')) : cmd.fragment;
      const r = readLabFragment(text.startsWith('#') ? text : `#${text}`);
      if (!r) throw new BadInput('that is not a Tunnelscope link (no #lab= fragment)');
      if (!r.ok) throw new BadInput(`the link does not hold a valid lab: ${oneLine(describeProblems(r.problems))}`);
      io.stdout(JSON.stringify(r.lab, null, 2));
      return 0;
    }
  }
}

function writeOut(path: string, data: Uint8Array | string): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new BadInput(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

