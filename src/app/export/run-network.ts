// Which network the export writes: the lab's live simulation when it runs (everything since the
// lab started: convergence, every ping and traceroute, the commands typed at the consoles), so
// the capture holds the very packets the learner watched, with their keys. Before anything has
// run, the lab after convergence alone.
import type { LabV1 } from '../../lab/types';
import type { Network } from '../../sim';
import { buildLabNetwork } from '../device/lab-simulation';

export interface ExportRun {
  network: Network;
  /** One sentence for the dialog: what the capture contains. */
  description: string;
}

export function exportRun(lab: LabV1, live: Network | undefined): ExportRun {
  if (live) {
    const description =
      live.captureForgotten > 0
        ? `The newest ${live.capture.length.toLocaleString('en-US')} frames of the running lab (older ones are no longer kept), with the keys of every SA since it started.`
        : 'Everything since the lab started: convergence, every ping and traceroute, and the commands typed at the consoles.';
    return { network: live, description };
  }
  const net = buildLabNetwork(lab);
  net.converge();
  return { network: net, description: 'The lab converging (no ping has run yet): interfaces, ARP, IKE and routing protocols.' };
}
