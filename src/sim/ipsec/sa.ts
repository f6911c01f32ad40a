// An ESP security association (RFC 4301 4.4.2, one direction): SPI, mode, transforms and keys,
// the outer addresses, optional UDP encapsulation (NAT-T), the send sequence counter and the
// receive anti-replay window, and the counters `show crypto ipsec sa` prints.
import type { SeededRandom } from '../../crypto/rng';
import { createEspSuite, type EspKeys, type EspSuite } from '../../crypto/esp-suite';
import type { EspCipherTransform, EspIntegrityTransform } from '../../crypto/esp-transforms';
import { ReplayWindow } from './replay';

export type EspMode = 'tunnel' | 'transport';

/** IOS `crypto ipsec df-bit copy|set|clear` for the outer header in tunnel mode (default copy). */
export type DfBitPolicy = 'copy' | 'set' | 'clear';

export interface EspSaConfig {
  spi: number;
  mode: EspMode;
  cipher: EspCipherTransform;
  /** null for AES-GCM (combined mode) or an encryption-only transform set. */
  integrity: EspIntegrityTransform | null;
  /** From KEYMAT: see splitEspKeymat() in src/crypto/esp-suite. GCM keys include the 4-byte salt. */
  keys: EspKeys;
  /** Outer source address as this SA's packets carry it (the sender's tunnel endpoint). */
  source: string;
  /** Outer destination address (the receiver's tunnel endpoint). */
  destination: string;
  /** NAT-T (RFC 3948): ESP inside UDP with these ports, normally 4500 -> 4500 (or the NAT's port). */
  udpEncap?: { srcPort: number; dstPort: number };
  /** Anti-replay window on receive; IOS default 64. 0 turns the check off. */
  replayWindow?: number;
  dfBit?: DfBitPolicy;
  /** IVs come from here (CBC); one fork per SA keeps streams independent. */
  rng: SeededRandom;
}

export interface EspSaCounters {
  /** #pkts encaps / encrypt / digest */
  encapsulated: number;
  /** #pkts decaps / decrypt / verify */
  decapsulated: number;
  bytesOut: number;
  bytesIn: number;
  /** Receive failures, counted by kind: #pkts verify failed, replay failed, ... */
  icvFailures: number;
  replayFailures: number;
  otherFailures: number;
}

export interface EspSa {
  readonly config: Readonly<EspSaConfig>;
  readonly spi: number;
  readonly mode: EspMode;
  readonly suite: EspSuite;
  readonly replay: ReplayWindow | null;
  /** The last sequence number sent (0 before the first packet). */
  sequence: number;
  readonly counters: EspSaCounters;
}

/** Throws RangeError for wrong keys (a KEYMAT sizing bug), never for anything a packet carries. */
export function createEspSa(config: EspSaConfig): EspSa {
  if (!Number.isInteger(config.spi) || config.spi < 0x100 || config.spi > 0xffffffff) {
    // 1-255 are reserved by IANA and 0 is local (RFC 4303 2.1).
    throw new RangeError(`SPI ${config.spi} is outside 256..0xffffffff`);
  }
  const window = config.replayWindow ?? 64;
  return {
    config,
    spi: config.spi,
    mode: config.mode,
    suite: createEspSuite(config.cipher, config.integrity, config.keys),
    replay: window > 0 ? new ReplayWindow(window) : null,
    sequence: 0,
    counters: { encapsulated: 0, decapsulated: 0, bytesOut: 0, bytesIn: 0, icvFailures: 0, replayFailures: 0, otherFailures: 0 },
  };
}

/**
 * What the ESP dissector needs to split IV, ciphertext and ICV exactly when the SA is known:
 * pass `{ dissectors: { esp: dissectEspWith(espDissectHints(sa)) } }` to dissectFrame.
 */
export function espDissectHints(sa: Pick<EspSa, 'suite'>): { ivLength: number; icvLength: number } {
  return { ivLength: sa.suite.ivLength, icvLength: sa.suite.icvLength };
}
