// Shared shapes for every codec in src/wire. A parse never throws on hostile bytes: it returns
// a ParseResult, so the simulation and the inspector can show *why* a buffer was refused.

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): ParseResult<T> => ({ ok: false, error });

/** A byte range inside the buffer being dissected (absolute offsets). */
export interface ByteRange {
  offset: number;
  length: number;
}

/** One field as an inspector shows it, Wireshark style. Offsets are absolute in the frame. */
export interface DissectField {
  name: string;
  /** The value as shown to a learner, e.g. "0x1a2b3c4d", "64", "Echo (ping) request (8)". */
  value: string;
  offset: number;
  length: number;
  /** For bit fields (IPv4 flags, fragment offset): first bit within the first byte, 0 = MSB. */
  bitOffset?: number;
  bitWidth?: number;
  children?: DissectField[];
}

/** One protocol layer of a dissected frame. */
export interface DissectLayer {
  /** Stable protocol id used by the registry and the UI colours: "eth", "ipv4", "esp", ... */
  protocol: string;
  /** Display name, e.g. "Internet Protocol Version 4, Src: 10.1.1.10, Dst: 10.2.2.10". */
  title: string;
  offset: number;
  length: number;
  fields: DissectField[];
  /** ESP: the bytes a receiver decrypts (payload, padding, pad length, next header). */
  encrypted?: ByteRange[];
  /** ESP: the bytes covered by the ICV (SPI through trailer). */
  authenticated?: ByteRange[];
  /** A parse problem found while dissecting this layer (truncated, bad checksum, ...). */
  problem?: string;
}

/**
 * What one protocol's dissect() returns: its layer, where its payload lies, and the keys the
 * registry (src/wire/registry.ts, scapy's bind_layers) tries in order to pick the payload's
 * dissector, e.g. [etherType] for Ethernet, [protocol] for IPv4, [dstPort, srcPort] for UDP.
 * A dissector never throws: a bad buffer gives a layer with `problem` set and no payload.
 */
export interface DissectStep {
  layer: DissectLayer;
  payload?: ByteRange;
  bindKeys?: number[];
}

export type Dissector = (buf: Uint8Array, offset: number, end: number) => DissectStep;
