// The playback clock: the position in beats, advanced by requestAnimationFrame while playing.
// It lives outside React state on purpose: the packet layer reads it every frame and moves its
// dots with transforms, so React renders only when a beat is crossed, never per frame. Listeners
// hear every frame while it runs and once more when it stops.
export const BEAT_MS = 700;

type FrameListener = (position: number) => void;

class PlaybackClock {
  position = 0;
  speed = 1;
  end = 0;
  private frame = 0;
  private last = 0;
  private listeners = new Set<FrameListener>();
  onStop: (() => void) | null = null;

  get running(): boolean {
    return this.frame !== 0;
  }

  subscribe(fn: FrameListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  seek(position: number): void {
    this.position = Math.max(0, Math.min(this.end, position));
    this.emit();
  }

  start(): void {
    if (this.frame !== 0 || typeof requestAnimationFrame === 'undefined') return;
    this.last = performance.now();
    const tick = (now: number) => {
      const dt = Math.min(100, now - this.last); // a background tab must not jump ahead
      this.last = now;
      this.position = Math.min(this.end, this.position + (dt / BEAT_MS) * this.speed);
      if (this.position >= this.end) {
        this.frame = 0;
        this.emit();
        this.onStop?.();
        return;
      }
      this.emit();
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Listeners hear about a stop too (with `running` false), so animations they started can pause. */
  stop(): void {
    if (this.frame === 0) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn(this.position);
  }
}

export const clock = new PlaybackClock();
