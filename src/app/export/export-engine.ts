// The lazily loaded half of the export (it needs src/sim): builds the files of one export.
import type { LabV1 } from '../../lab/types';
import type { Network } from '../../sim';
import { captureFiles, configFiles, fileStem, zipExport, type ExportFile } from './export-files';
import { exportRun } from './run-network';

export interface PreparedExport {
  description: string;
  frames: number;
  espSas: number;
  ikeSas: number;
  stem: string;
  capture: ExportFile[];
  configs: ExportFile[];
  zip(): Uint8Array;
}

export function prepareExport(lab: LabV1, live: Network | undefined): PreparedExport {
  const run = exportRun(lab, live);
  const stem = fileStem(lab.title);
  const capture = captureFiles(run.network, stem);
  const configs = configFiles(lab);
  return {
    description: run.description,
    frames: run.network.capture.length,
    espSas: run.network.keyLog.espSa.length,
    ikeSas: run.network.keyLog.ikev1.length,
    stem,
    capture,
    configs,
    zip: () => zipExport([...capture, ...configs], stem),
  };
}
