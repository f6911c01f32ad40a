import { describe, expect, it } from 'vitest';
import { DRIFT_MS, moveDot, stopDot, type AnimatableDot, type DotMotionState } from './dot-motion';

/** A stand-in for Element.animate's Animation: records what the code asked of it. */
class FakeAnimation {
  currentTime: number | null = 0;
  playbackRate = 1;
  playState: AnimationPlayState = 'running';
  keyframes: Keyframe[];
  plays = 0;
  cancelled = false;
  effect = { setKeyframes: (k: Keyframe[]) => (this.keyframes = k) };
  constructor(keyframes: Keyframe[]) {
    this.keyframes = keyframes;
  }
  play() {
    this.plays++;
    this.playState = 'running';
  }
  pause() {
    this.playState = 'paused';
  }
  cancel() {
    this.cancelled = true;
    this.playState = 'idle';
  }
}

function fakeDot() {
  const animations: FakeAnimation[] = [];
  const dot: AnimatableDot = {
    style: { transform: '' },
    animate: (keyframes) => {
      const a = new FakeAnimation(keyframes);
      animations.push(a);
      return a as unknown as Animation;
    },
  };
  return { dot, animations };
}

const state = (over: Partial<DotMotionState> = {}): DotMotionState => ({ from: { x: 0, y: 0 }, to: { x: 100, y: 0 }, durationMs: 700, timeMs: 350, playing: false, speed: 1, ...over });

describe('moveDot', () => {
  it('writes where the clock puts the dot into its inline transform, with or without Web Animations', () => {
    const plain: AnimatableDot = { style: { transform: '' } };
    moveDot(plain, state({ timeMs: 175 }));
    expect(plain.style.transform).toBe('translate(25px, 0px)');
    moveDot(plain, state({ timeMs: 9999 }));
    expect(plain.style.transform).toBe('translate(100px, 0px)');
    const { dot } = fakeDot();
    moveDot(dot, state({ timeMs: 350 }));
    expect(dot.style.transform).toBe('translate(50px, 0px)');
  });

  it('makes one animation per dot, paused at the clock while the clock is stopped', () => {
    const { dot, animations } = fakeDot();
    moveDot(dot, state({ timeMs: 350 }));
    moveDot(dot, state({ timeMs: 400 }));
    expect(animations).toHaveLength(1);
    const a = animations[0]!;
    expect(a.keyframes).toEqual([{ transform: 'translate(0px, 0px)' }, { transform: 'translate(100px, 0px)' }]);
    expect(a.playState).toBe('paused');
    expect(a.currentTime).toBe(400);
  });

  it('runs at the clock speed while playing and is pulled back only when it drifts', () => {
    const { dot, animations } = fakeDot();
    moveDot(dot, state({ timeMs: 100, playing: true, speed: 2 }));
    const a = animations[0]!;
    expect(a.playState).toBe('running');
    expect(a.playbackRate).toBe(2);
    expect(a.currentTime).toBe(100);
    a.currentTime = 130; // the compositor ran on
    moveDot(dot, state({ timeMs: 130 + DRIFT_MS - 1, playing: true, speed: 2 }));
    expect(a.currentTime).toBe(130);
    moveDot(dot, state({ timeMs: 130 + DRIFT_MS + 1, playing: true, speed: 2 }));
    expect(a.currentTime).toBe(130 + DRIFT_MS + 1);
    expect(a.plays).toBe(1);
    moveDot(dot, state({ timeMs: 200, playing: false, speed: 2 }));
    expect(a.playState).toBe('paused');
    expect(a.currentTime).toBe(200);
  });

  it('does not restart a dot that reached its far end', () => {
    const { dot, animations } = fakeDot();
    moveDot(dot, state({ timeMs: 700, playing: true }));
    const a = animations[0]!;
    expect(a.plays).toBe(0);
    expect(a.playState).toBe('paused');
    expect(a.currentTime).toBe(700);
  });

  it('follows a dragged device by changing the ends, not the timing', () => {
    const { dot, animations } = fakeDot();
    moveDot(dot, state({ timeMs: 350, playing: true }));
    moveDot(dot, state({ timeMs: 360, playing: true, to: { x: 100, y: 50 } }));
    expect(animations).toHaveLength(1);
    expect(animations[0]!.keyframes[1]).toEqual({ transform: 'translate(100px, 50px)' });
    expect(animations[0]!.plays).toBe(1);
  });

  it('stopDot cancels the animation, and a later move starts a new one', () => {
    const { dot, animations } = fakeDot();
    moveDot(dot, state());
    stopDot(dot);
    expect(animations[0]!.cancelled).toBe(true);
    moveDot(dot, state());
    expect(animations).toHaveLength(2);
  });
});
