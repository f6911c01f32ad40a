// The engine's only source of randomness. One seed gives one byte stream, in Node and in the
// browser, so a lab replays byte for byte. ChaCha20 keystream keyed by SHA-256 of the seed:
// a real DRBG shape, and every IV and SPI the learner sees still looks random.
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();
const BLOCK = 64 * 16;
// The keystream is ChaCha20 over zeros. One shared zero input, never written, so a refill
// allocates nothing: each generator reuses its own nonce and output buffers.
const ZEROS = new Uint8Array(BLOCK);

export class SeededRandom {
  private readonly key: Uint8Array;
  private counter = 0;
  private readonly buffer = new Uint8Array(BLOCK);
  private readonly nonce = new Uint8Array(12);
  private readonly nonceView = new DataView(this.nonce.buffer);
  // Starts "all used", so the first read refills.
  private used = BLOCK;

  constructor(readonly seed: number | string) {
    this.key = sha256(encoder.encode(`tunnelscope-rng:${String(seed)}`));
  }

  /** An independent stream for one consumer (a device, a protocol), stable under reordering elsewhere. */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${String(this.seed)}/${label}`);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      if (this.used === this.buffer.length) this.refill();
      const take = Math.min(n - filled, this.buffer.length - this.used);
      out.set(this.buffer.subarray(this.used, this.used + take), filled);
      this.used += take;
      filled += take;
    }
    return out;
  }

  uint32(): number {
    const b = this.bytes(4);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    const span = max - min + 1;
    const limit = Math.floor(0x1_0000_0000 / span) * span;
    let v = this.uint32();
    while (v >= limit) v = this.uint32();
    return min + (v % span);
  }

  private refill(): void {
    // bytes() copies out of the buffer, so overwriting it here leaks nothing to earlier callers.
    this.nonceView.setUint32(8, this.counter++);
    chacha20(this.key, this.nonce, ZEROS, this.buffer);
    this.used = 0;
  }
}
