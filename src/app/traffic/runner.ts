// Runs traffic on a fresh copy of a lab that is not the open one (the compare view's evidence
// runs on variants of the built-in labs), without putting the engine in the initial bundle:
// small labs load the engine module lazily and run it here; large labs run it in a Web Worker so
// the page stays responsive while the copy converges. The open lab's own runs go to its live
// simulation instead (LabConsoles.runTraffic).
import type { TopologySpec } from '../../sim';
import type { TrafficRequest, TrafficResult } from './engine';
import type { EngineAnswer, EngineJob } from './engine.worker';

/** Above this many devices a run goes to the worker. */
export const WORKER_THRESHOLD = 12;

let worker: Worker | null = null;
let nextJob = 1;
const pending = new Map<number, (r: TrafficResult) => void>();

function engineWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<EngineAnswer>) => {
    pending.get(e.data.id)?.(e.data.result);
    pending.delete(e.data.id);
  };
  worker.onerror = (e) => {
    for (const [, done] of pending) done({ ok: false, error: `the engine worker failed: ${e.message}` });
    pending.clear();
    worker = null;
  };
  return worker;
}

/** Only what the engine reads: plain data that structured clone copies cheaply. */
const topologyOf = (lab: TopologySpec): TopologySpec => ({
  ...(lab.seed !== undefined ? { seed: lab.seed } : {}),
  devices: lab.devices.map((d) => ({ name: d.name, kind: d.kind, config: d.config })),
  links: lab.links.map((l) => ({ a: l.a, b: l.b })),
});

export async function runTrafficAsync(lab: TopologySpec, request: TrafficRequest): Promise<TrafficResult> {
  const spec = topologyOf(lab);
  if (spec.devices.length > WORKER_THRESHOLD && typeof Worker !== 'undefined') {
    const id = nextJob++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      engineWorker().postMessage({ id, lab: spec, request } satisfies EngineJob);
    });
  }
  const { runTraffic } = await import('./engine');
  return runTraffic(spec, request);
}
