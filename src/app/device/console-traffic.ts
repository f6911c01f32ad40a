// A ping or traceroute typed at a console is the same run as one from the Ping form: its packets
// go to the packet view. This reads the command line the way IOS abbreviates it (`pi`, `tr`),
// with `repeat N` and `size N`, and the run's summary lines from what the console printed.
import { formatIp, type Network, type TraceRecord } from '../../sim';
import { resolveDestination, type TrafficRequest } from '../traffic/engine';

export interface ConsoleTraffic {
  request: TrafficRequest;
  summary: string[];
  espSa: string[];
  target: string;
  records: TraceRecord[];
}

/** Shortest abbreviations IOS accepts in exec mode (`p` alone is ambiguous with ppp, pwd...). */
const KINDS: { word: string; shortest: number; kind: TrafficRequest['kind'] }[] = [
  { word: 'ping', shortest: 2, kind: 'ping' },
  { word: 'traceroute', shortest: 2, kind: 'traceroute' },
];

export function trafficCommand(line: string): { kind: TrafficRequest['kind']; destination: string; count?: number; size?: number } | undefined {
  const words = line.trim().split(/\s+/);
  const first = words[0]?.toLowerCase() ?? '';
  const k = KINDS.find((x) => first.length >= x.shortest && x.word.startsWith(first));
  const destination = words[1];
  if (!k || !destination) return undefined;
  const valueAfter = (name: string): number | undefined => {
    const i = words.findIndex((w, n) => n > 1 && w.length >= 2 && name.startsWith(w.toLowerCase()));
    const v = i > 0 ? Number(words[i + 1]) : NaN;
    return Number.isFinite(v) ? v : undefined;
  };
  return { kind: k.kind, destination, count: valueAfter(k.kind === 'ping' ? 'repeat' : 'probe'), size: valueAfter('size') };
}

/** The run a console command made, when it was a ping or traceroute that sent something. */
export function consoleTraffic(net: Network, device: string, line: string, output: string, first: number): ConsoleTraffic | undefined {
  const cmd = trafficCommand(line);
  if (!cmd) return undefined;
  const records = net.trace.records.slice(first);
  const target = resolveDestination(net, cmd.destination);
  if (records.length === 0 || target === undefined) return undefined;
  const lines = output.split('\n').map((l) => l.trimEnd());
  const summary =
    cmd.kind === 'ping'
      ? lines.filter((l) => /^[!.UQM?&]+$/.test(l) || l.startsWith('Success rate'))
      : lines.filter((l) => /^\s*\d+\s/.test(l)).map((l) => l.trim());
  return {
    request: { kind: cmd.kind, source: device, destination: cmd.destination, count: cmd.count ?? (cmd.kind === 'ping' ? 5 : 3), size: cmd.size ?? 100 },
    summary,
    espSa: [...net.keyLog.espSa],
    target: formatIp(target),
    records,
  };
}
