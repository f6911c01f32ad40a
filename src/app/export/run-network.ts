// Which network the export writes. The last traffic run (Ping / Traceroute) is replayed on the
// lab: the engine is deterministic, so the same lab, seed and request give the same frames and
// keys the playback showed. Without a traffic run, the consoles' simulation is exported (what the
// learner did at the consoles), and failing that the lab after convergence alone.
import type { LabV1 } from '../../lab/types';
import { ping, traceroute, type Network } from '../../sim';
import { buildLabNetwork } from '../device/lab-simulation';
import { resolveDestination, type TrafficRequest } from '../traffic/engine';

export interface ExportRun {
  network: Network;
  /** One sentence for the dialog: what the capture contains. */
  description: string;
}

export function exportRun(lab: LabV1, request: TrafficRequest | undefined, consoles: Network | undefined): ExportRun {
  if (request) {
    const net = buildLabNetwork(lab);
    net.converge();
    const target = resolveDestination(net, request.destination);
    const source = net.device(request.source);
    if (source && target !== undefined) {
      const count = Math.max(1, Math.min(100, Math.round(request.count)));
      if (request.kind === 'ping') ping(net, source, { target, repeat: count, size: Math.max(36, Math.min(18024, Math.round(request.size))) });
      else traceroute(net, source, { target, probes: count, maxTtl: 15 });
      return { network: net, description: `The last run: ${request.kind} ${request.destination} from ${request.source}, after the lab converged.` };
    }
  }
  if (consoles) return { network: consoles, description: 'Everything since the consoles started: convergence and the commands run at the consoles.' };
  const net = buildLabNetwork(lab);
  net.converge();
  return { network: net, description: 'The lab converging (no ping has run yet): interfaces, ARP, IKE and routing protocols.' };
}
