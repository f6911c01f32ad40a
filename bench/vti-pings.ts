// Pings per second H1 -> H2 through vti-basic.json (IPsec VTI, esp-aes esp-sha-hmac), beside the
// bare crypto the same ESP packets need (two ESP packets per ping, each encrypted and HMACed by
// its sender, checked and decrypted by its receiver), measured interleaved in the same run.
// DESIGN.md budget: pings/s at least half of what the bare crypto allows.
// Run: npx tsx bench/vti-pings.ts
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cbc } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { parseConfig } from '../src/ios';
import { Network, ip, ping, type TopologySpec } from '../src/sim';
import { espPlaintextLength } from '../src/wire/esp';
import { vpnOf } from '../src/sim/vpn/plugin';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const BATCH = 20;
const SIZE = 100;

const lab = JSON.parse(readFileSync(join(import.meta.dirname, '../../shared/labs/vti-basic.json'), 'utf8')) as TopologySpec;
const net = Network.fromLab(lab, { parseConfig: (t) => parseConfig(t).config, keepTrace: false, capture: false });
net.converge(30_000_000);
const h1 = net.device('H1')!;
const target = ip('10.2.2.10');
ping(net, h1, { target, repeat: 5 });
const warm = ping(net, h1, { target, repeat: 5 });
if (warm.successRate !== 100) throw new Error(`the lab does not ping (${warm.successRate}%)`);

function pingBatch(): void {
  const r = ping(net, h1, { target, repeat: BATCH, timeout: 2 });
  if (r.received !== BATCH) throw new Error('a ping was lost');
}

// The bare crypto of one ping: the request and the reply, each AES-CBC encrypted + HMAC-SHA1
// (sender) and HMAC-SHA1 + AES-CBC decrypted (receiver), with the SA's own keys.
const sa = vpnOf(net.device('R1')!)!.sad.forPolicy('Tunnel0')!.outbound.config;
const key = sa.keys.encryptionKey;
const macKey = sa.keys.integrityKey!;
const plain = new Uint8Array(espPlaintextLength(SIZE, 16));
const authed = new Uint8Array(8 + 16 + plain.length);
const iv = new Uint8Array(16).fill(7);
function bareBatch(): void {
  for (let i = 0; i < BATCH * 2; i++) {
    const ct = cbc(key, iv, { disablePadding: true }).encrypt(plain);
    authed.set(ct, 24);
    hmac(sha1, macKey, authed);
    hmac(sha1, macKey, authed);
    cbc(key, iv, { disablePadding: true }).decrypt(ct);
  }
}

for (let i = 0; i < 20; i++) { pingBatch(); bareBatch(); }
let tPing = 0;
let tBare = 0;
let n = 0;
const stop = performance.now() + SECONDS * 1000;
while (performance.now() < stop) {
  let t = performance.now();
  pingBatch();
  tPing += performance.now() - t;
  t = performance.now();
  bareBatch();
  tBare += performance.now() - t;
  n += BATCH;
}
const pings = (n * 1000) / tPing;
const bare = (n * 1000) / tBare;
console.log(`vti-basic.json, ${SIZE}-byte pings H1 -> H2 through an IPsec VTI (esp-aes esp-sha-hmac), ${SECONDS} s interleaved`);
// Honesty note: the engine runs with the trace not kept and the capture off (keepTrace: false,
// capture: false), as a long-running lab would; every packet is still built, checksummed,
// encrypted, authenticated, parsed and routed hop by hop.
console.log(`engine settings: keepTrace ${net.trace.keep}, capture ${net.captureEnabled} (trace records and captured frames not kept)`);
console.log(`pings/s through the engine:        ${Math.round(pings).toLocaleString('en-US')}`);
console.log(`pings/s the bare crypto allows:    ${Math.round(bare).toLocaleString('en-US')}  (2 ESP packets per ping)`);
console.log(`ratio: ${(pings / bare).toFixed(2)} (budget: at least 0.50) ${pings / bare >= 0.5 ? 'OK' : 'OVER BUDGET'}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
