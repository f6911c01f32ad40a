import { afterEach, describe, expect, it, vi } from 'vitest';
import { BEAT_MS, clock } from './clock';

/** requestAnimationFrame by hand: each call to frame(ms) runs the pending callbacks at that time. */
function manualFrames() {
  let pending: Array<FrameRequestCallback> = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    pending.push(cb);
    return pending.length;
  });
  vi.stubGlobal('cancelAnimationFrame', () => {
    pending = [];
  });
  vi.stubGlobal('performance', { now: () => 0 });
  return (at: number) => {
    const run = pending;
    pending = [];
    for (const cb of run) cb(at);
  };
}

describe('playback clock', () => {
  afterEach(() => {
    clock.stop();
    vi.unstubAllGlobals();
  });

  it('tells its listeners every frame, and once more when stopped, with running false', () => {
    const frame = manualFrames();
    clock.end = 10;
    clock.seek(0);
    const heard: Array<[number, boolean]> = [];
    const off = clock.subscribe((p) => heard.push([p, clock.running]));
    clock.start();
    frame(BEAT_MS / 10);
    expect(heard).toEqual([[0.1, true]]);
    clock.stop();
    expect(heard).toEqual([
      [0.1, true],
      [0.1, false],
    ]);
    clock.stop(); // already stopped: nothing more to say
    expect(heard).toHaveLength(2);
    off();
  });

  it('reaching the end stops it, and the last position is heard with running false', () => {
    const frame = manualFrames();
    clock.end = 1;
    clock.seek(0);
    const heard: Array<[number, boolean]> = [];
    const off = clock.subscribe((p) => heard.push([p, clock.running]));
    clock.start();
    // A frame counts at most 100 ms (a background tab must not jump), so one beat takes 7 frames.
    for (let t = 100; t <= 800; t += 100) frame(t);
    expect(heard.at(-1)).toEqual([1, false]);
    expect(clock.running).toBe(false);
    off();
  });
});
