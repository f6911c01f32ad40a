// Moves one packet dot along its link with a Web Animation, so the compositor moves it between
// frames. Setting a composited element's transform from script every frame makes Chromium
// re-layerize the whole page every frame (about 10 ms a frame on a 300-device canvas); a running
// animation does not. The animation mirrors the playback clock: paused when the clock is, at the
// clock's speed when it runs, and pulled back to the clock if the two drift apart.
//
// The dot's inline transform is still written with the clock's position each call: the animation
// draws over it (animations win over inline styles, and changing the inline value costs a style
// recalculation, not a re-layerization), and it is where the dot rests where Web Animations are
// missing (jsdom) and what tests and tools read as the dot's position.
import type { Point } from '../canvas/geometry';
import { along } from './timeline';

/** Where the dot is on its way and how the clock moves. Times in milliseconds of animation. */
export interface DotMotionState {
  from: Point;
  to: Point;
  /** How long the whole crossing takes at speed 1. */
  durationMs: number;
  /** How far into the crossing the clock is (may be outside 0..duration: the dot then waits at an end). */
  timeMs: number;
  playing: boolean;
  speed: number;
}

/** The part of Element and Animation this needs, so tests can hand in a stand-in. */
export interface AnimatableDot {
  style: { transform: string };
  animate?: (keyframes: Keyframe[], options: KeyframeAnimationOptions) => Animation;
}

/** Further than this from the clock (ms), the animation is moved back to it. */
export const DRIFT_MS = 25;

interface Motion {
  animation: Animation;
  from: Point;
  to: Point;
}

const motions = new WeakMap<AnimatableDot, Motion>();

const translate = (p: Point) => `translate(${p.x}px, ${p.y}px)`;
const keyframes = (from: Point, to: Point): Keyframe[] => [{ transform: translate(from) }, { transform: translate(to) }];
const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

export function moveDot(dot: AnimatableDot, s: DotMotionState): void {
  const time = Math.min(s.durationMs, Math.max(0, s.timeMs));
  dot.style.transform = translate(along(s.from, s.to, s.durationMs > 0 ? time / s.durationMs : 1));
  if (typeof dot.animate !== 'function') return;

  let motion = motions.get(dot);
  if (!motion) {
    const animation = dot.animate(keyframes(s.from, s.to), { duration: s.durationMs, easing: 'linear', fill: 'both' });
    animation.pause();
    animation.currentTime = time;
    motion = { animation, from: s.from, to: s.to };
    motions.set(dot, motion);
  } else if (!samePoint(motion.from, s.from) || !samePoint(motion.to, s.to)) {
    // A device at one end moved (dragged): same timing, new ends.
    (motion.animation.effect as KeyframeEffect | null)?.setKeyframes(keyframes(s.from, s.to));
    motion.from = s.from;
    motion.to = s.to;
  }

  const { animation } = motion;
  // play() on a finished animation would start it over, so a dot at its far end stays paused there.
  if (s.playing && time < s.durationMs) {
    if (animation.playbackRate !== s.speed) animation.playbackRate = s.speed;
    if (animation.playState !== 'running') {
      animation.currentTime = time;
      animation.play();
    } else if (Math.abs(Number(animation.currentTime ?? 0) - time) > DRIFT_MS) {
      animation.currentTime = time;
    }
  } else {
    if (animation.playState === 'running') animation.pause();
    if (animation.currentTime !== time) animation.currentTime = time;
  }
}

/** Stops a dot's animation (it is leaving the canvas). */
export function stopDot(dot: AnimatableDot): void {
  motions.get(dot)?.animation.cancel();
  motions.delete(dot);
}
