// `tunnelscope run`: load the lab, let it converge, run each --exec line at its device's console
// (privileged EXEC at the start, mode kept between lines), and collect the transcript exactly as
// the app's console shows it: PROMPT + command, then the output.
import { networkConsoles } from '../console';
import { parseConfig } from '../ios';
import type { Lab } from '../lab';
import { captureToPcapng, Network, TopologyError } from '../sim';
import type { ExecLine } from './args';
import { BadInput } from './load';

export interface RunResult {
  transcript: string;
  network: Network;
  pcap(): Uint8Array;
  espSaLines(): string[];
  ikeLines(): string[];
}

export function buildLabNetwork(lab: Lab, seed?: number): Network {
  try {
    return Network.fromLab(lab, { parseConfig: (t) => parseConfig(t).config, ...(seed !== undefined ? { seed } : {}) });
  } catch (e) {
    if (e instanceof TopologyError) throw new BadInput(`the lab's links do not fit its devices: ${e.message}`);
    throw e;
  }
}

export function runLab(lab: Lab, opts: { execs: ExecLine[]; seed?: number }): RunResult {
  const names = lab.devices.map((d) => d.name);
  for (const e of opts.execs) {
    if (!names.includes(e.device)) {
      throw new BadInput(`--exec "${e.device}: ${e.command}": no device ${e.device} in the lab (it has ${names.join(', ')})`);
    }
  }
  const net = buildLabNetwork(lab, opts.seed);
  net.converge();
  const consoleOf = networkConsoles(net);
  const out: string[] = [];
  for (const e of opts.execs) {
    const c = consoleOf(e.device)!;
    out.push(`${c.prompt()}${e.command}\n${c.execute(e.command).output}`);
  }
  return {
    transcript: out.join('').replace(/\n$/, ''),
    network: net,
    pcap: () => captureToPcapng(net),
    espSaLines: () => [...net.keyLog.espSa],
    ikeLines: () => [...net.keyLog.ikev1],
  };
}
