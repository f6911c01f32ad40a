// Receive-side anti-replay (RFC 4303 3.4.3 and Appendix A): a sliding window of the last N
// sequence numbers (IOS: 64) whose right edge is the highest sequence authenticated so far.
// check() runs before the ICV (cheap rejection); accept() runs only after the ICV verified, so a
// forged packet cannot move the window.

export type ReplayCheck = { ok: true } | { ok: false; reason: string };

export class ReplayWindow {
  /** Highest sequence number accepted (0 before the first packet). */
  private top = 0;
  /** Bit i set: sequence top - i was received. Bit 0 is top itself. */
  private readonly seen: Uint32Array;

  constructor(readonly size = 64) {
    if (size < 32 || size % 32 !== 0) throw new RangeError(`replay window ${size}: use a multiple of 32 (RFC 4303 asks at least 32)`);
    this.seen = new Uint32Array(size / 32);
  }

  get highest(): number {
    return this.top;
  }

  check(seq: number): ReplayCheck {
    if (seq === 0) return { ok: false, reason: 'sequence 0 is never sent (RFC 4303 3.3.3)' };
    if (seq > this.top) return { ok: true };
    const behind = this.top - seq;
    if (behind >= this.size) return { ok: false, reason: `sequence ${seq} is left of the window (highest ${this.top}, window ${this.size})` };
    if (this.bit(behind)) return { ok: false, reason: `replayed sequence ${seq}` };
    return { ok: true };
  }

  /** Records an authenticated sequence number; call after check() passed and the ICV verified. */
  accept(seq: number): void {
    if (seq > this.top) {
      this.shift(seq - this.top);
      this.top = seq;
      this.setBit(0);
    } else {
      this.setBit(this.top - seq);
    }
  }

  private bit(i: number): boolean {
    return ((this.seen[i >>> 5]! >>> (i & 31)) & 1) === 1;
  }

  private setBit(i: number): void {
    this.seen[i >>> 5]! |= 1 << (i & 31);
  }

  /** Moves every mark `n` positions further from the right edge. */
  private shift(n: number): void {
    if (n >= this.size) {
      this.seen.fill(0);
      return;
    }
    const words = this.seen.length;
    const wordShift = n >>> 5;
    const bitShift = n & 31;
    for (let w = words - 1; w >= 0; w--) {
      const from = w - wordShift;
      const lo = from >= 0 ? this.seen[from]! : 0;
      const below = from - 1 >= 0 ? this.seen[from - 1]! : 0;
      this.seen[w] = bitShift === 0 ? lo : ((lo << bitShift) | (below >>> (32 - bitShift))) >>> 0;
    }
  }
}
