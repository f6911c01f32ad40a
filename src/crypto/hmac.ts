// Keyed HMAC with a truncated output (RFC 2104; truncation per RFC 2404, 2403, 4868). The key's
// inner and outer pads are hashed once; each message copies that state, which is what makes
// per-packet HMAC cheap.
import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { HashName } from './esp-transforms.ts';

const HASHES = { sha1, sha256, sha384, sha512, md5 } as const;

export interface KeyedMac {
  /** The MAC of the concatenated parts, truncated to the configured length. */
  mac(...parts: Uint8Array[]): Uint8Array;
}

export function keyedHmac(hash: HashName, key: Uint8Array, truncateTo?: number): KeyedMac {
  const base = hmac.create(HASHES[hash], key);
  // One scratch state per key, overwritten from the keyed state on every message: noble's
  // _cloneInto(to) copies into an existing instance, so a packet allocates no hash objects.
  // mac() runs to completion before it can be called again, so one scratch is enough.
  const h = base.clone();
  return {
    mac(...parts) {
      base._cloneInto(h);
      for (const p of parts) h.update(p);
      const full = h.digest();
      return truncateTo === undefined || truncateTo >= full.length ? full : full.slice(0, truncateTo);
    },
  };
}

/** One-shot HMAC, full length. */
export function hmacOnce(hash: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(HASHES[hash], key, data);
}

/** Compares two byte strings without an early exit (habit; the lab has no timing attacker). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
