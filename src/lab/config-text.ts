// The few facts the lab document needs from a running-config without the full IOS parser:
// which interfaces a device declares, and its hostname line. Line numbers are 1-based, as an
// editor shows them.

export interface DeclaredInterface {
  name: string;
  line: number;
}

export function declaredInterfaces(config: string): DeclaredInterface[] {
  const out: DeclaredInterface[] = [];
  config.split('\n').forEach((text, i) => {
    const m = /^interface\s+(\S+)\s*$/.exec(text.trimEnd());
    if (m) out.push({ name: m[1]!, line: i + 1 });
  });
  return out;
}

export function hostnameLine(config: string): { name: string; line: number } | null {
  const lines = config.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^hostname\s+(\S+)\s*$/.exec(lines[i]!.trimEnd());
    if (m) return { name: m[1]!, line: i + 1 };
  }
  return null;
}

/** Sets the hostname line, adding one at the top when the config has none. */
export function withHostname(config: string, name: string): string {
  const found = hostnameLine(config);
  const lines = config.split('\n');
  if (found) {
    lines[found.line - 1] = `hostname ${name}`;
    return lines.join('\n');
  }
  return `hostname ${name}\n${config}`;
}

/** Appends an interface section before the first global line after the interfaces, or at the end. */
export function withInterface(config: string, iface: string): string {
  const body = config.endsWith('\n') ? config : `${config}\n`;
  return `${body}!\ninterface ${iface}\n no ip address\n`;
}
