// The engine side of a traffic run: one ping or traceroute, and the trace records of that run as
// plain data. The app runs it on the lab's live simulation (runTrafficOn, through the consoles'
// engine), so a second ping finds ARP and IPsec already up, as on real routers; comparison
// variants and tests run it on a fresh network after convergence (runTraffic, also in
// engine.worker.ts for large variants). Synchronous and deterministic.
import { parseConfig } from '../../ios';
import { Network, formatIp, parseIp, ping, traceroute, type Ip, type TopologySpec, type TraceRecord } from '../../sim';

export interface TrafficRequest {
  kind: 'ping' | 'traceroute';
  /** Device that sends. */
  source: string;
  /** An IPv4 address, or a device name (its first addressed interface is the target). */
  destination: string;
  /** Echo requests (ping repeat) or probes per hop (traceroute). */
  count: number;
  /** Whole IP datagram size in bytes (ping only). */
  size: number;
  /** Also keep what happened while the lab started (IKE, OSPF, ARP before the first probe). */
  startup?: boolean;
}

export type TrafficResult =
  | {
      ok: true;
      /** Trace records of this run only (convergence before it is left out). */
      records: TraceRecord[];
      /** IOS-style summary lines ("!!!!!", "Success rate is ..."). */
      summary: string[];
      /** Wireshark esp_sa lines of every SA the run created: the inspector decrypts ESP with them. */
      espSa: string[];
      target: string;
    }
  | { ok: false; error: string };

/** The address a destination field names: an IPv4 address as typed, or a device's first usable address. */
export function resolveDestination(net: Network, destination: string): Ip | undefined {
  const text = destination.trim();
  const direct = parseIp(text);
  if (direct !== undefined) return direct;
  const dev = net.device(text);
  if (!dev) return undefined;
  const order = (kind: string) => (kind === 'ethernet' ? 0 : kind === 'loopback' ? 1 : 2);
  const candidates = dev
    .interfaceList()
    .filter((i) => i.address !== undefined)
    .sort((a, b) => order(a.kind) - order(b.kind));
  return (candidates.find((i) => i.usable) ?? candidates[0])?.address?.ip;
}

/** Runs a request on a fresh network of `lab` after convergence (comparison variants, tests). */
export function runTraffic(lab: TopologySpec, req: TrafficRequest): TrafficResult {
  let net: Network;
  try {
    net = Network.fromLab(lab, { parseConfig: (t) => parseConfig(t).config });
  } catch (e) {
    return { ok: false, error: `the lab cannot run: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!net.device(req.source)) return { ok: false, error: `no device named ${req.source}` };
  net.converge();
  return runTrafficOn(net, req, req.startup ? 0 : net.trace.records.length);
}

/**
 * Runs a request on a network as it is now (the lab's live simulation, or a fresh one), and
 * returns the trace records from index `first` on: the run, and whatever else happened meanwhile.
 */
export function runTrafficOn(net: Network, req: TrafficRequest, first: number): TrafficResult {
  const dev = net.device(req.source);
  if (!dev) return { ok: false, error: `no device named ${req.source}` };
  const target = resolveDestination(net, req.destination);
  if (target === undefined) return { ok: false, error: `"${req.destination}" is neither an IPv4 address nor a device with an address` };
  const count = Math.max(1, Math.min(100, Math.round(req.count)));
  const summary: string[] = [];
  if (req.kind === 'ping') {
    const r = ping(net, dev, { target, repeat: count, size: Math.max(36, Math.min(18024, Math.round(req.size))) });
    if (r.error) return { ok: false, error: r.error };
    summary.push(r.replies.map((x) => x.mark).join(''));
    summary.push(
      `Success rate is ${r.successRate} percent (${r.received}/${r.repeat})` + (r.rttMs ? `, round-trip min/avg/max = ${r.rttMs.min}/${r.rttMs.avg}/${r.rttMs.max} ms` : ''),
    );
  } else {
    const r = traceroute(net, dev, { target, probes: count, maxTtl: 15 });
    if (r.error) return { ok: false, error: r.error };
    for (const hop of r.hops) {
      summary.push(`${hop.ttl} ${hop.probes.map((p) => (p.from === undefined ? '*' : `${formatIp(p.from)}${p.marker ? ` ${p.marker}` : ''}`)).join(' ')}`);
    }
  }
  return { ok: true, records: net.trace.records.slice(first), summary, espSa: [...net.keyLog.espSa], target: formatIp(target) };
}
