// Command-line arguments of `tunnelscope` (DESIGN.md "The headless command"). Parsing never
// throws: a mistake becomes a UsageError whose message is the one line printed on stderr.

export interface ExecLine {
  device: string;
  command: string;
}

export type Command =
  | { name: 'run'; lab: string; execs: ExecLine[]; pcap?: string; keys?: string; ikeKeys?: string; seed?: number }
  | { name: 'check'; lab: string }
  | { name: 'link'; lab: string }
  | { name: 'unlink'; fragment: string }
  | { name: 'labs' }
  | { name: 'help' };

export class UsageError extends Error {}

export const USAGE = `usage: tunnelscope run LAB.json [--exec "DEVICE: COMMAND"]... [--pcap OUT.pcapng] [--keys OUT.esp_sa] [--ike-keys OUT.ikev1] [--seed N]
       tunnelscope check LAB.json
       tunnelscope link LAB.json
       tunnelscope unlink URL-OR-FRAGMENT
       tunnelscope labs
LAB.json may also be builtin:ID (or builtin:ID/broken, builtin:ID/solved): a lab of the app's library; \`tunnelscope labs\` lists them.`;

export function parseExec(text: string): ExecLine {
  const m = /^\s*([^:\s]+)\s*:\s?(.*)$/.exec(text);
  if (!m) throw new UsageError(`--exec "${text}" is not "DEVICE: COMMAND"`);
  return { device: m[1]!, command: m[2]!.replace(/\s+$/, '') };
}

export function parseArgs(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  const positional: string[] = [];
  const opts = new Map<string, string[]>();
  const valued = new Set(['--exec', '--pcap', '--keys', '--ike-keys', '--seed']);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (flag.startsWith('--')) {
      if (!valued.has(flag) || name !== 'run') throw new UsageError(`unknown option ${flag} for ${name}`);
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : rest[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      opts.set(flag, [...(opts.get(flag) ?? []), value]);
    } else positional.push(a);
  }
  const one = (what: string): string => {
    if (positional.length !== 1) throw new UsageError(`${name} takes exactly one ${what} (got ${positional.length})`);
    return positional[0]!;
  };
  const single = (flag: string): string | undefined => {
    const v = opts.get(flag);
    if (v && v.length > 1) throw new UsageError(`${flag} given more than once`);
    return v?.[0];
  };
  switch (name) {
    case 'run': {
      const lab = one('LAB.json');
      const seedText = single('--seed');
      let seed: number | undefined;
      if (seedText !== undefined) {
        if (!/^\d{1,15}$/.test(seedText)) throw new UsageError(`--seed ${seedText} is not a non-negative integer`);
        seed = Number(seedText);
      }
      const cmd: Command = { name: 'run', lab, execs: (opts.get('--exec') ?? []).map(parseExec) };
      const pcap = single('--pcap');
      const keys = single('--keys');
      const ikeKeys = single('--ike-keys');
      if (pcap !== undefined) cmd.pcap = pcap;
      if (keys !== undefined) cmd.keys = keys;
      if (ikeKeys !== undefined) cmd.ikeKeys = ikeKeys;
      if (seed !== undefined) cmd.seed = seed;
      return cmd;
    }
    case 'check':
      return { name: 'check', lab: one('LAB.json') };
    case 'link':
      return { name: 'link', lab: one('LAB.json') };
    case 'unlink':
      return { name: 'unlink', fragment: one('URL or fragment') };
    case 'labs':
      if (positional.length > 0) throw new UsageError('labs takes no arguments');
      return { name: 'labs' };
    default:
      throw new UsageError(`unknown command "${name}" (run, check, link, unlink)`);
  }
}
