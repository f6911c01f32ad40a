// ESP processing for one SA (RFC 4303 3.3 outbound, 3.4 inbound), tunnel and transport mode,
// with or without UDP encapsulation (RFC 3948).
//
// Tunnel:    [new IPv4, proto 50 | 17] [UDP 4500]? [ESP: SPI seq IV | inner IPv4 packet, pad, 4 | ICV]
// Transport: [the packet's own IPv4 header, proto 50 | 17] [UDP]? [ESP ... | IP payload, pad, proto | ICV]
//
// Both directions return values: the simulation shows a refusal's `reason` at the hop where it
// happened ("ICV mismatch", "replayed sequence 5"), so nothing here throws on packet contents.
import { emitEspPlaintext, espPlaintextLength, ESP_HEADER_LEN, ESP_PROTOCOL, parseEsp, parseEspPlaintext, writeEspHeader } from '../../wire/esp';
import { emitIpv4, IpProtocol, parseIpv4, type Ipv4Packet } from '../../wire/ipv4';
import { emitUdp, parseUdp, UDP_PROTOCOL } from '../../wire/udp';
import { parseUdpEncap } from '../../wire/udp-encap';
import { internetChecksum } from '../../wire/checksum';
import type { EspSa } from './sa';

/** Sequence numbers are 32 bits without ESN; the counter must not cycle (RFC 4303 3.3.3). */
const MAX_SEQUENCE = 0xffffffff;
const OUTER_TTL = 255;

export interface EncapsulateOptions {
  /** Outer IPv4 identification in tunnel mode (the sending device's counter); default 0. */
  id?: number;
  /**
   * parseIpv4 of `inner`, when the caller already has it (the forwarding path does). Tunnel mode
   * then reads DF, ToS and length from it instead of parsing the packet again; transport mode,
   * which rebuilds the header from every field, always parses.
   */
  parsedInner?: Ipv4Packet;
}

export type EncapsulateResult =
  | {
      ok: true;
      /** The outer IPv4 packet. */
      packet: Uint8Array;
      sequence: number;
      /** Where the ESP header starts in `packet` (after IPv4 and, with NAT-T, UDP). */
      espOffset: number;
    }
  | { ok: false; reason: string };

export type DecapsulateResult =
  | {
      ok: true;
      /** Tunnel: the inner packet. Transport: the packet rebuilt with its original protocol. */
      packet: Uint8Array;
      nextHeader: number;
      sequence: number;
    }
  | { ok: false; reason: string; sequence?: number };

/** The IV for the next packet: random for CBC; for GCM the 64-bit sequence number (RFC 4106 3.1 counter). */
function nextIv(sa: EspSa, sequence: number): Uint8Array {
  const n = sa.suite.ivLength;
  if (n === 0) return new Uint8Array(0);
  if (sa.config.cipher.algorithm === 'aes-gcm') {
    const iv = new Uint8Array(8);
    new DataView(iv.buffer).setUint32(4, sequence);
    return iv;
  }
  return sa.config.rng.bytes(n);
}

/**
 * Protects one IPv4 packet with `sa`. The inner packet must be a whole IPv4 packet (it is parsed,
 * checksum included). Tunnel mode builds an outer header from the SA's endpoints, TTL 255, DF as
 * the SA's df-bit policy says (copied by default), ToS copied; transport mode keeps the packet's
 * own header and changes only protocol, length and checksum.
 */
export function espEncapsulate(sa: EspSa, inner: Uint8Array, opts: EncapsulateOptions = {}): EncapsulateResult {
  let ip: Ipv4Packet;
  const given = opts.parsedInner;
  if (given && sa.mode === 'tunnel' && given.totalLength <= inner.length) {
    ip = given;
  } else {
    const parsed = parseIpv4(inner);
    if (!parsed.ok) return { ok: false, reason: `cannot protect: ${parsed.error}` };
    ip = parsed.value;
  }
  if (sa.sequence >= MAX_SEQUENCE) return { ok: false, reason: 'sequence number space exhausted: the SA must be rekeyed (RFC 4303 3.3.3)' };
  const sequence = sa.sequence + 1;

  const tunnel = sa.mode === 'tunnel';
  // Transport mode protects a whole datagram (RFC 4301 7): fragments are reassembled first.
  if (!tunnel && (ip.mf || ip.fragmentOffset !== 0)) return { ok: false, reason: 'transport mode cannot protect an IPv4 fragment' };
  const payload = tunnel ? inner.subarray(0, ip.totalLength) : ip.payload;
  const nextHeader = tunnel ? IpProtocol.IPIP : ip.protocol;

  const { ivLength, blockSize, icvLength } = sa.suite;
  const plainLength = espPlaintextLength(payload.length, blockSize);
  const esp = new Uint8Array(ESP_HEADER_LEN + ivLength + plainLength + icvLength);
  writeEspHeader(esp, 0, { spi: sa.spi, sequence });
  esp.set(nextIv(sa, sequence), ESP_HEADER_LEN);
  emitEspPlaintext({ payload, nextHeader }, blockSize, esp, ESP_HEADER_LEN + ivLength);
  sa.suite.seal(esp);

  const encap = sa.config.udpEncap;
  // RFC 3948 3.1: the UDP checksum is sent as zero.
  const body = encap ? emitUdp({ srcPort: encap.srcPort, dstPort: encap.dstPort, checksum: 0 }, esp) : esp;
  const protocol = encap ? UDP_PROTOCOL : ESP_PROTOCOL;

  let packet: Uint8Array;
  if (tunnel) {
    const policy = sa.config.dfBit ?? 'copy';
    const df = policy === 'copy' ? ip.df : policy === 'set';
    packet = emitIpv4({ src: sa.config.source, dst: sa.config.destination, protocol, ttl: OUTER_TTL, df, tos: ip.tos, id: opts.id ?? 0 }, body);
  } else {
    packet = emitIpv4({ src: ip.src, dst: ip.dst, protocol, ttl: ip.ttl, df: ip.df, tos: ip.tos, id: ip.id, options: ip.options }, body);
  }
  sa.sequence = sequence;
  sa.counters.encapsulated++;
  sa.counters.bytesOut += payload.length;
  return { ok: true, packet, sequence, espOffset: packet.length - esp.length };
}

/** The SPI of an ESP or UDP-encapsulated ESP packet, for the SAD lookup; undefined when not ESP. */
export function espSpiOf(outer: Uint8Array): number | undefined {
  const esp = espBytesOf(outer);
  if (!esp.ok) return undefined;
  const h = parseEsp(esp.esp);
  return h.ok ? h.value.spi : undefined;
}

function espBytesOf(outer: Uint8Array, parsedOuter?: Ipv4Packet): { ok: true; esp: Uint8Array; headerLength: number } | { ok: false; reason: string } {
  let ip: Ipv4Packet;
  // The receive path already parsed (and checksummed) this header; it may have parsed another
  // copy of the same bytes, so the payload is taken from `outer` itself (offsets into `outer`
  // stay right) and only the header fields are reused.
  if (parsedOuter && outer.length >= parsedOuter.totalLength) {
    ip = parsedOuter;
  } else {
    const parsed = parseIpv4(outer);
    if (!parsed.ok) return { ok: false, reason: parsed.error };
    ip = parsed.value;
  }
  const payload = outer.subarray(ip.ihl * 4, ip.totalLength);
  const headerLength = ip.ihl * 4;
  if (ip.mf || ip.fragmentOffset !== 0) return { ok: false, reason: 'an IPv4 fragment: reassemble before ESP processing' };
  if (ip.protocol === ESP_PROTOCOL) return { ok: true, esp: payload, headerLength };
  if (ip.protocol === UDP_PROTOCOL) {
    const udp = parseUdp(payload);
    if (!udp.ok) return { ok: false, reason: udp.error };
    const inner = parseUdpEncap(udp.value.payload);
    if (!inner.ok) return { ok: false, reason: inner.error };
    if (inner.value.kind !== 'esp') return { ok: false, reason: `UDP ${udp.value.dstPort} carries ${inner.value.kind === 'ike' ? 'IKE' : 'a NAT keepalive'}, not ESP` };
    return { ok: true, esp: inner.value.esp, headerLength };
  }
  return { ok: false, reason: `IP protocol ${ip.protocol} is not ESP` };
}

/**
 * Checks and removes ESP from an outer IPv4 packet that belongs to `sa`: SPI, anti-replay
 * (before the ICV, RFC 4303 3.4.3), ICV, then decryption, padding and next header. The window
 * moves only after the ICV verified. `parsedOuter`, when the caller has it, is parseIpv4 of
 * `outer` (checksum verified), so the header is not parsed a second time.
 */
export function espDecapsulate(sa: EspSa, outer: Uint8Array, parsedOuter?: Ipv4Packet): DecapsulateResult {
  const r = decapsulate(sa, outer, true, parsedOuter);
  if (r.ok) return { ok: true, packet: r.packet, nextHeader: r.nextHeader, sequence: r.sequence };
  return r;
}

export type EspPeekResult =
  | {
      ok: true;
      packet: Uint8Array;
      nextHeader: number;
      sequence: number;
      /** Where ESP starts in the outer packet. */
      espOffset: number;
      /** Decrypted payload + padding + pad length + next header, as it sits after the IV. */
      plaintext: Uint8Array;
      padLength: number;
    }
  | { ok: false; reason: string; sequence?: number };

/**
 * What the receiver would decrypt, for the inspector: ICV checked, plaintext and trailer, the
 * inner packet; but no anti-replay check and no change to the SA (window, counters).
 */
export function espPeek(sa: EspSa, outer: Uint8Array): EspPeekResult {
  return decapsulate(sa, outer, false);
}

function decapsulate(sa: EspSa, outer: Uint8Array, live: boolean, parsedOuter?: Ipv4Packet): EspPeekResult {
  const fail = (reason: string, sequence?: number, kind: 'icv' | 'replay' | 'other' = 'other'): EspPeekResult => {
    if (live) {
      if (kind === 'icv') sa.counters.icvFailures++;
      else if (kind === 'replay') sa.counters.replayFailures++;
      else sa.counters.otherFailures++;
    }
    return sequence === undefined ? { ok: false, reason } : { ok: false, reason, sequence };
  };
  const found = espBytesOf(outer, parsedOuter);
  if (!found.ok) return fail(found.reason);
  const header = parseEsp(found.esp);
  if (!header.ok) return fail(header.error);
  const { spi, sequence } = header.value;
  if (spi !== sa.spi) return fail(`SPI 0x${hex32(spi)} is not this SA's (0x${hex32(sa.spi)})`, sequence);
  if (live && sa.replay) {
    const check = sa.replay.check(sequence);
    if (!check.ok) return fail(check.reason, sequence, 'replay');
  }
  const opened = sa.suite.open(found.esp);
  if (!opened.ok) return fail(opened.reason, sequence, opened.reason === 'ICV mismatch' ? 'icv' : 'other');
  if (live) sa.replay?.accept(sequence);
  const trailer = parseEspPlaintext(opened.plaintext);
  if (!trailer.ok) return fail(trailer.error, sequence);
  const { payload, nextHeader, padLength } = trailer.value;

  let packet: Uint8Array;
  if (sa.mode === 'tunnel') {
    if (nextHeader !== IpProtocol.IPIP) return fail(`next header ${nextHeader} in a tunnel-mode SA (expected 4, IPv4)`, sequence);
    // A light check (version, lengths) rather than a full parse: the receiver's forwarding
    // parses the inner packet anyway, and this runs once per packet.
    const problem = innerIpv4Problem(payload);
    if (problem) return fail(`decrypted inner packet: ${problem}`, sequence);
    packet = payload.slice(0, (payload[2]! << 8) | payload[3]!);
  } else {
    packet = rebuildTransport(outer.subarray(0, found.headerLength), nextHeader, payload);
  }
  if (live) {
    sa.counters.decapsulated++;
    sa.counters.bytesIn += payload.length;
  }
  const espOffset = found.esp.byteOffset - outer.byteOffset;
  return { ok: true, packet, nextHeader, sequence, espOffset, plaintext: opened.plaintext, padLength };
}

/** Transport mode inbound: the received header, with the original protocol, length and checksum. */
function rebuildTransport(header: Uint8Array, protocol: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + payload.length);
  out.set(header, 0);
  out.set(payload, header.length);
  out[2] = out.length >>> 8;
  out[3] = out.length & 0xff;
  out[9] = protocol;
  out[10] = 0;
  out[11] = 0;
  const sum = internetChecksum(out, 0, header.length);
  out[10] = sum >>> 8;
  out[11] = sum & 0xff;
  return out;
}

function innerIpv4Problem(p: Uint8Array): string | undefined {
  if (p.length < 20) return `${p.length} bytes is shorter than an IPv4 header`;
  if (p[0]! >> 4 !== 4) return `version ${p[0]! >> 4}, not 4`;
  const total = (p[2]! << 8) | p[3]!;
  const header = (p[0]! & 0xf) * 4;
  if (header < 20 || total < header || total > p.length) return `bad lengths (header ${header}, total ${total}, ${p.length} bytes)`;
  return undefined;
}

const hex32 = (n: number): string => n.toString(16).padStart(8, '0');
