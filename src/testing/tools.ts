// Outside tools (tshark, scapy, textfsm) that check our bytes and output. In CI they must be
// present, so a missing tool fails the test there; on a developer machine it skips with a reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

export const toolAvailability = {
  tshark: existsSync('/usr/bin/tshark') && has('/usr/bin/tshark', ['--version']),
  scapy: existsSync(PYTHON) && has(PYTHON, ['-c', 'import scapy.all, cryptography']),
  textfsm: existsSync(PYTHON) && has(PYTHON, ['-c', 'import textfsm']),
};

/** True when the tool is missing outside CI: the caller skips. In CI a missing tool throws. */
export function skipWithout(tool: keyof typeof toolAvailability): boolean {
  if (toolAvailability[tool]) return false;
  if (process.env.CI) throw new Error(`${tool} is required in CI (see DEVELOPERS.md)`);
  return true;
}

export function tempDir(prefix = 'tunnelscope-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs tshark with the given arguments and returns stdout; throws with stderr on failure. */
export function tshark(args: string[]): string {
  return execFileSync('/usr/bin/tshark', args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a Python script text with /usr/bin/python3, passing args; returns stdout. */
export function python(script: string, args: string[] = [], input?: string): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, input });
}
