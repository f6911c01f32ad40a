// Runs traffic for large labs off the main thread, so the canvas keeps animating meanwhile.
import { runTraffic, type TrafficRequest, type TrafficResult } from './engine';
import type { TopologySpec } from '../../sim';

export interface EngineJob {
  id: number;
  lab: TopologySpec;
  request: TrafficRequest;
}

export interface EngineAnswer {
  id: number;
  result: TrafficResult;
}

self.onmessage = (event: MessageEvent<EngineJob>) => {
  const { id, lab, request } = event.data;
  let result: TrafficResult;
  try {
    result = runTraffic(lab, request);
  } catch (e) {
    result = { ok: false, error: `the engine failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  (self as unknown as Worker).postMessage({ id, result } satisfies EngineAnswer);
};
