// Decrypting ESP for the inspector with the SA keys the run logged (Wireshark esp_sa lines, the
// same file a learner exports). A fresh SA is made from the keys for every look and only peeks
// (no replay window, no counters), so showing a packet never moves any SA's state.
import { SeededRandom } from '../../crypto/rng';
import { espPeek } from '../../sim/ipsec/esp-process';
import { createEspSa, type EspMode } from '../../sim/ipsec/sa';
import { parseWiresharkEspSaLine, type ParsedEspSaLine } from '../../sim/ipsec/wireshark-keys';

export interface EspKeyRing {
  bySpi: Map<number, ParsedEspSaLine>;
}

export function keyRing(lines: readonly string[]): EspKeyRing {
  const bySpi = new Map<number, ParsedEspSaLine>();
  for (const line of lines) {
    const parsed = parseWiresharkEspSaLine(line);
    if (parsed.ok) bySpi.set(parsed.value.spi, parsed.value);
  }
  return { bySpi };
}

/** IV and ICV lengths of an SA, so the ESP dissector can split the body exactly. */
export function espHintsFor(sa: ParsedEspSaLine): { ivLength: number; icvLength: number } {
  return { ivLength: sa.cipher.ivLength, icvLength: sa.cipher.icvLength + (sa.integrity?.icvLength ?? 0) };
}

export type DecryptResult =
  | {
      ok: true;
      packet: Uint8Array;
      mode: EspMode;
      sequence: number;
      /** The decrypted ESP body: payload, then padding, pad length and next header (the trailer). */
      plaintext: Uint8Array;
      padLength: number;
      nextHeader: number;
    }
  | { ok: false; reason: string };

/**
 * Opens one outer IPv4 packet (ESP or ESP-in-UDP) with the keys for `spi`. The line does not
 * say tunnel or transport, so tunnel is tried first and transport when the next header says so.
 */
export function decryptEsp(ring: EspKeyRing, spi: number, outer: Uint8Array): DecryptResult {
  const line = ring.bySpi.get(spi);
  if (!line) return { ok: false, reason: `no keys for SPI 0x${spi.toString(16).padStart(8, '0')} in this run` };
  let lastReason = '';
  for (const mode of ['tunnel', 'transport'] as const) {
    const sa = createEspSa({ spi, mode, cipher: line.cipher, integrity: line.integrity, keys: line.keys, source: line.source, destination: line.destination, replayWindow: 0, rng: new SeededRandom('inspector') });
    const r = espPeek(sa, outer);
    if (r.ok) return { ok: true, packet: r.packet, mode, sequence: r.sequence, plaintext: r.plaintext, padLength: r.padLength, nextHeader: r.nextHeader };
    lastReason = r.reason;
    if (!/next header/.test(r.reason)) break;
  }
  return { ok: false, reason: lastReason };
}
