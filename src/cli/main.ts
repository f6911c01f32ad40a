// The headless `tunnelscope` command (DESIGN.md "The headless command"). `npm run -s tunnelscope
// -- run|check|link|unlink ...`. Exit 0 on success (a failed ping is still success), 1 when
// `check` finds problems, 2 for bad input with exactly one line on stderr, never a stack trace.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE, UsageError } from './args';
import { BadInput, printableLine } from './load';
import { runCommand, type Io } from './commands';
import { useNodeDh } from './node-dh';

export function main(argv: string[], io: Io): number {
  useNodeDh();
  try {
    return runCommand(parseArgs(argv), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(printableLine(`tunnelscope: ${e.message} (tunnelscope help for usage)`));
      return 2;
    }
    if (e instanceof BadInput) {
      io.stderr(printableLine(`tunnelscope: ${e.message}`));
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(printableLine(`tunnelscope: internal error: ${msg.split('\n')[0]}`));
    return 2;
  }
}

export { USAGE };

const isEntry = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (isEntry) {
  const out: string[] = [];
  const code = main(process.argv.slice(2), {
    stdout: (text) => out.push(text),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
  process.exitCode = code;
}
