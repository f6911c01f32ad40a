// What the inspector shows for one trace record: which bytes (the frame on a wire, or the IP
// packet inside a device), their layers, and the colour bands: headers added at this hop, the
// ESP ciphertext and the bytes its ICV authenticates. With keys, the decrypted inner layers.
import type { TraceRecord } from '../../sim';
import { dissectEspWith } from '../../wire/esp';
import type { DissectLayer } from '../../wire/layer';
import { dissectFrame } from '../../wire/registry';
import { decryptEsp, espHintsFor, type EspKeyRing } from './esp-keys';
import type { Band } from './hexdump';

export type FirstProtocol = 'eth' | 'ipv4';

export interface PacketBytes {
  bytes: Uint8Array;
  first: FirstProtocol;
  /** Which side of the step these are. */
  side: 'before' | 'after';
}

const looksLikeIpv4 = (b: Uint8Array): boolean => b.length >= 20 && b[0]! >> 4 === 4 && (b[0]! & 0xf) >= 5 && ((b[2]! << 8) | b[3]!) === b.length;

function asPacket(bytes: Uint8Array, point: TraceRecord['point'], side: PacketBytes['side']): PacketBytes {
  // On a wire (Tx, Rx, ARP) the bytes are an Ethernet frame; inside a device, an IP packet.
  const wire = point === 'Tx' || point === 'Rx' || point === 'Arp';
  return { bytes, first: wire || !looksLikeIpv4(bytes) ? 'eth' : 'ipv4', side };
}

/** The packet as it is at this moment: after the step when there is an after, else before. */
export function packetAt(r: TraceRecord): PacketBytes | undefined {
  if (r.after) return asPacket(r.after, r.point, 'after');
  if (r.before) return asPacket(r.before, r.point, 'before');
  return undefined;
}

export function packetBefore(r: TraceRecord): PacketBytes | undefined {
  return r.before && r.after ? asPacket(r.before, r.point, 'before') : undefined;
}

/** Where `inner` sits inside `outer`, or -1. */
export function indexOfBytes(outer: Uint8Array, inner: Uint8Array): number {
  if (inner.length === 0 || inner.length > outer.length) return -1;
  outer: for (let i = outer.length - inner.length; i >= 0; i--) {
    for (let j = 0; j < inner.length; j++) if (outer[i + j] !== inner[j]) continue outer;
    return i;
  }
  return -1;
}

export function dissectPacket(p: PacketBytes, ring: EspKeyRing | null): DissectLayer[] {
  const spi = espSpiIn(dissectFrame(p.bytes, p.first));
  const known = spi !== undefined ? ring?.bySpi.get(spi) : undefined;
  return known ? dissectFrame(p.bytes, p.first, { dissectors: { esp: dissectEspWith(espHintsFor(known)) } }) : dissectFrame(p.bytes, p.first);
}

function espSpiIn(layers: DissectLayer[]): number | undefined {
  const esp = layers.find((l) => l.protocol === 'esp');
  const spi = esp?.fields.find((f) => f.name === 'ESP SPI');
  const m = spi ? /\((\d+)\)/.exec(spi.value) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Colour bands. "added": what this step put around the packet it was given (the part of
 * `after` outside the `before` bytes; for a frame sent on a wire, the new Ethernet header;
 * for ESP, whose inner bytes are ciphertext, everything outside the ciphertext).
 */
export function bandsFor(r: TraceRecord, p: PacketBytes, layers: DissectLayer[]): Band[] {
  const bands: Band[] = [];
  const esp = layers.find((l) => l.protocol === 'esp');
  for (const range of esp?.encrypted ?? []) bands.push({ kind: 'encrypted', ...range });
  for (const range of esp?.authenticated ?? []) bands.push({ kind: 'authenticated', ...range });
  if (p.side !== 'after') return bands;
  if (r.point === 'Tx' && p.first === 'eth') {
    const eth = layers.find((l) => l.protocol === 'eth');
    if (eth) bands.push({ kind: 'added', offset: 0, length: 14 });
    return bands;
  }
  if (r.point !== 'Encap' || !r.before) return bands;
  const at = indexOfBytes(p.bytes, r.before);
  if (at >= 0) {
    if (at > 0) bands.push({ kind: 'added', offset: 0, length: at });
    const tail = at + r.before.length;
    if (tail < p.bytes.length) bands.push({ kind: 'added', offset: tail, length: p.bytes.length - tail });
  } else if (esp?.encrypted?.[0]) {
    const enc = esp.encrypted[0];
    bands.push({ kind: 'added', offset: 0, length: enc.offset });
    const tail = enc.offset + enc.length;
    if (tail < p.bytes.length) bands.push({ kind: 'added', offset: tail, length: p.bytes.length - tail });
  }
  return bands;
}

export type DecryptedView =
  | {
      ok: true;
      /** The decrypted packet, then the ESP trailer (padding, pad length, next header). */
      packet: Uint8Array;
      /** The inner packet's layers, then the ESP trailer as its own layer. */
      layers: DissectLayer[];
      mode: string;
      spi: number;
    }
  | { ok: false; reason: string };

/** The ESP packet's inner layers, decrypted with a copy of its SA. */
export function decryptedView(p: PacketBytes, layers: DissectLayer[], ring: EspKeyRing): DecryptedView | null {
  const espAt = layers.findIndex((l) => l.protocol === 'esp');
  if (espAt < 0) return null;
  const spi = espSpiIn(layers);
  if (spi === undefined) return { ok: false, reason: 'the ESP header is truncated' };
  // The IPv4 header that carries this ESP (directly, or through UDP 4500).
  const ip = layers.slice(0, espAt).reverse().find((l) => l.protocol === 'ipv4');
  if (!ip) return { ok: false, reason: 'no IPv4 header around the ESP' };
  // The layer covers the header; the packet runs for the header's total length.
  const totalLength = (p.bytes[ip.offset + 2]! << 8) | p.bytes[ip.offset + 3]!;
  const outer = p.bytes.subarray(ip.offset, Math.min(p.bytes.length, ip.offset + totalLength));
  const r = decryptEsp(ring, spi, outer);
  if (!r.ok) return r;
  // The packet the receiver gets back (tunnel mode: the inner packet; transport mode: the outer
  // header with the decrypted payload), followed by the trailer ESP strips off.
  const trailer = r.plaintext.subarray(r.plaintext.length - r.padLength - 2);
  const packet = new Uint8Array(r.packet.length + trailer.length);
  packet.set(r.packet);
  packet.set(trailer, r.packet.length);
  const inner = [...dissectFrame(r.packet, 'ipv4'), espTrailerLayer(packet, r.padLength, r.nextHeader)];
  return { ok: true, packet, layers: inner, mode: r.mode, spi };
}

const NEXT_HEADER_NAMES: Record<number, string> = { 1: 'ICMP', 4: 'IPv4', 6: 'TCP', 17: 'UDP', 47: 'GRE', 50: 'ESP' };

/**
 * The ESP trailer, which exists only inside the encryption: padding 1, 2, 3 ... to the cipher's
 * block, pad length, and next header (4 for an IPv4 packet in tunnel mode, 47 for GRE in
 * transport mode). It sits at the end of `bytes`.
 */
export function espTrailerLayer(bytes: Uint8Array, padLength: number, nextHeader: number): DissectLayer {
  const padAt = bytes.length - padLength - 2;
  const pad = [...bytes.subarray(padAt, padAt + padLength)];
  const name = NEXT_HEADER_NAMES[nextHeader];
  return {
    protocol: 'esp-trailer',
    title: `ESP trailer (decrypted): ${padLength} padding bytes, next header ${nextHeader}${name ? ` (${name})` : ''}`,
    offset: padAt,
    length: padLength + 2,
    fields: [
      { name: 'Padding', value: padLength ? pad.join(', ') : 'none', offset: padAt, length: padLength },
      { name: 'Pad Length', value: String(padLength), offset: padAt + padLength, length: 1 },
      { name: 'Next Header', value: `${name ?? 'Unknown'} (${nextHeader})`, offset: padAt + padLength + 1, length: 1 },
    ],
  };
}

