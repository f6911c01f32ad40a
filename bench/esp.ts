// ESP encapsulation + decapsulation per second, at 100 and 1400 bytes, for esp-aes/esp-sha-hmac
// and esp-gcm, beside the bare @noble cipher and HMAC calls on the same bytes, in the same run.
// The ratio (ESP round trips / bare round trips) is how much of the time is the crypto itself;
// DESIGN.md wants the engine's own per-packet work to stay small next to it.
// Run: npx tsx bench/esp.ts
import { cbc, gcm } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { espPlaintextLength } from '../src/wire/esp';
import { espDecapsulate, espEncapsulate } from '../src/sim/ipsec/esp-process';
import { icmpPacket, saPair } from '../src/sim/ipsec/fixtures/packets';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const BATCH = 32;

/**
 * Rates of `a` and `b` in calls per second, measured interleaved in small batches over the same
 * SECONDS: on a shared machine a slow moment hits both alike, so their ratio stays meaningful
 * even when the absolute figures wobble.
 */
function compare(a: () => void, b: () => void): [number, number] {
  for (let i = 0; i < 2000; i++) { a(); b(); } // warm-up: let the JIT settle on both
  let timeA = 0;
  let timeB = 0;
  let n = 0;
  const stop = performance.now() + SECONDS * 1000;
  while (performance.now() < stop) {
    let t = performance.now();
    for (let i = 0; i < BATCH; i++) a();
    timeA += performance.now() - t;
    t = performance.now();
    for (let i = 0; i < BATCH; i++) b();
    timeB += performance.now() - t;
    n += BATCH;
  }
  return [(n * 1000) / timeA, (n * 1000) / timeB];
}

function espRoundTrip(pair: ReturnType<typeof saPair>, size: number): () => void {
  const { out, in: rx } = pair;
  const inner = icmpPacket(size);
  return () => {
    const enc = espEncapsulate(out, inner);
    if (!enc.ok) throw new Error(enc.reason);
    const dec = espDecapsulate(rx, enc.packet);
    if (!dec.ok) throw new Error(dec.reason);
  };
}

/**
 * The crypto one ESP round trip needs, as plain library calls (sender and receiver), with the
 * SA's own keys: GCM's GHASH cost depends on the key, so a made-up key would skew the ratio.
 */
function bareRoundTrip(pair: ReturnType<typeof saPair>, size: number): () => void {
  const { cipher, keys } = pair.config;
  const plain = new Uint8Array(espPlaintextLength(size, cipher.blockSize));
  const key = keys.encryptionKey.slice(0, cipher.keyLength);
  const iv = new Uint8Array(cipher.algorithm === 'aes-gcm' ? 12 : 16).fill(9);
  if (cipher.algorithm === 'aes-gcm') {
    const aad = new Uint8Array(8);
    return () => {
      const ct = gcm(key, iv, aad).encrypt(plain);
      gcm(key, iv, aad).decrypt(ct);
    };
  }
  const macKey = keys.integrityKey!;
  const authed = new Uint8Array(8 + 16 + plain.length);
  return () => {
    const ct = cbc(key, iv, { disablePadding: true }).encrypt(plain);
    authed.set(ct, 24);
    hmac(sha1, macKey, authed); // sender's ICV
    hmac(sha1, macKey, authed); // receiver's check
    cbc(key, iv, { disablePadding: true }).decrypt(ct);
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);

console.log(`ESP encapsulate + decapsulate round trips per second (tunnel mode; ${SECONDS} s each, interleaved in batches of ${BATCH})`);
console.log(`${'suite'.padEnd(26)}${'bytes'.padStart(6)}${'ESP/s'.padStart(12)}${'bare/s'.padStart(12)}${'ratio'.padStart(8)}`);
for (const [label, cipher, integrity] of [
  ['esp-aes esp-sha-hmac', 'esp-aes', 'esp-sha-hmac'],
  ['esp-gcm', 'esp-gcm', null],
] as const) {
  for (const size of [100, 1400]) {
    const pair = saPair({ cipher, integrity, spi: 0x1000 + size });
    const [esp, bare] = compare(espRoundTrip(pair, size), bareRoundTrip(pair, size));
    console.log(`${label.padEnd(26)}${String(size).padStart(6)}${fmt(esp)}  ${fmt(bare)}${(esp / bare).toFixed(2).padStart(8)}`);
  }
}
console.log('bare = @noble cbc/gcm encrypt + decrypt and two one-shot HMAC-SHA1 calls on the same plaintext length.');
