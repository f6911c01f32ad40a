// IPv4 fragmentation and reassembly (RFC 791, RFC 815's hole idea in its simplest form).
// Pure: no clock. The reassembler takes `now` on every call, in whatever unit the caller's
// clock uses (the simulation passes microseconds); its timeout is in that same unit.
import { IPV4_HEADER_LEN, emitIpv4, parseIpv4, type Ipv4Packet } from './ipv4';

export type FragmentResult =
  | { ok: true; fragments: Uint8Array[] }
  /** DF set and the packet is bigger than the MTU: the router sends ICMP 3/4 with this MTU. */
  | { ok: false; reason: 'fragmentation-needed'; mtu: number; error: string }
  | { ok: false; reason: 'malformed' | 'mtu-too-small'; error: string };

/**
 * Splits an IPv4 packet into pieces of at most `mtu` bytes. A packet that fits comes back as is.
 * Every piece carries the original id, TTL, tos and protocol; data lengths are multiples of 8
 * except the last; only options with the copy bit travel beyond the first fragment.
 * Fragmenting a fragment works too (offsets add, the last piece keeps the original MF).
 */
export function fragment(packet: Uint8Array, mtu: number): FragmentResult {
  const parsed = parseIpv4(packet, { verifyChecksum: false });
  if (!parsed.ok) return { ok: false, reason: 'malformed', error: parsed.error };
  const p = parsed.value;
  const whole = packet.subarray(0, p.totalLength);
  if (whole.length <= mtu) return { ok: true, fragments: [whole] };
  if (p.df) return { ok: false, reason: 'fragmentation-needed', mtu, error: `fragmentation needed and DF set (MTU ${mtu})` };
  const laterOptions = copiedOptions(p.options);
  const firstChunk = Math.floor((mtu - p.ihl * 4) / 8) * 8;
  const laterChunk = Math.floor((mtu - IPV4_HEADER_LEN - ((laterOptions.length + 3) & ~3)) / 8) * 8;
  if (firstChunk <= 0 || laterChunk <= 0) return { ok: false, reason: 'mtu-too-small', error: `MTU ${mtu} leaves no room for data` };
  const fragments: Uint8Array[] = [];
  for (let at = 0; at < p.payload.length; ) {
    const size = at === 0 ? firstChunk : laterChunk;
    const end = Math.min(at + size, p.payload.length);
    fragments.push(
      emitIpv4(
        {
          src: p.src, dst: p.dst, protocol: p.protocol, tos: p.tos, id: p.id, ttl: p.ttl, df: false,
          mf: end < p.payload.length ? true : p.mf,
          fragmentOffset: p.fragmentOffset + at / 8,
          options: at === 0 ? p.options : laterOptions,
        },
        p.payload.subarray(at, end),
      ),
    );
    at = end;
  }
  return { ok: true, fragments };
}

/** The options whose type has the copy bit (0x80) set; RFC 791 repeats them in every fragment. */
function copiedOptions(options: Uint8Array): Uint8Array {
  const kept: number[] = [];
  for (let i = 0; i < options.length; ) {
    const type = options[i] ?? 0;
    if (type === 0) break; // end of option list
    if (type === 1) {
      i += 1; // no-operation
      continue;
    }
    const len = options[i + 1] ?? 0;
    if (len < 2 || i + len > options.length) break;
    if (type & 0x80) kept.push(...options.subarray(i, i + len));
    i += len;
  }
  return new Uint8Array(kept);
}

// ---- reassembly ------------------------------------------------------------------------------

export type ReassemblyResult =
  /** Not a fragment, or the last missing piece arrived: the whole datagram. */
  | { status: 'complete'; packet: Uint8Array }
  | { status: 'pending' }
  | { status: 'error'; error: string };

/** A datagram given up on. `firstFragment` is set when offset 0 had arrived: RFC 792 then wants ICMP 11/1. */
export interface ExpiredDatagram {
  src: string;
  dst: string;
  id: number;
  protocol: number;
  firstFragment?: Uint8Array;
}

interface Piece {
  start: number;
  data: Uint8Array;
}

interface Partial {
  first?: Ipv4Packet;
  firstBytes?: Uint8Array;
  pieces: Piece[];
  /** Payload length, known once the piece with MF clear has arrived. */
  total?: number;
  deadline: number;
}

export interface ReassemblerOptions {
  /** How long a partial datagram is kept, in the unit of `now` (RFC 791 suggests 15 s). */
  timeout: number;
}

/** Collects fragments keyed by (src, dst, id, protocol), as RFC 791 says. */
export class Ipv4Reassembler {
  private readonly partials = new Map<string, Partial>();

  constructor(private readonly opts: ReassemblerOptions) {}

  get pendingCount(): number {
    return this.partials.size;
  }

  push(packet: Uint8Array, now: number): ReassemblyResult {
    const parsed = parseIpv4(packet);
    if (!parsed.ok) return { status: 'error', error: parsed.error };
    const p = parsed.value;
    if (!p.mf && p.fragmentOffset === 0) return { status: 'complete', packet: packet.subarray(0, p.totalLength) };
    if (p.mf && p.payload.length % 8 !== 0) return { status: 'error', error: 'IPv4: non-final fragment length not a multiple of 8' };
    const start = p.fragmentOffset * 8;
    const end = start + p.payload.length;
    if (end + p.ihl * 4 > 65535) return { status: 'error', error: 'IPv4: fragment reaches past 65535 bytes' };
    const key = `${p.src}|${p.dst}|${p.id}|${p.protocol}`;
    let partial = this.partials.get(key);
    if (!partial) {
      partial = { pieces: [], deadline: now + this.opts.timeout };
      this.partials.set(key, partial);
    }
    if (start === 0) {
      partial.first = p;
      partial.firstBytes = packet.slice(0, p.totalLength);
    }
    if (!p.mf) {
      if (partial.total !== undefined && partial.total !== end) {
        this.partials.delete(key);
        return { status: 'error', error: 'IPv4: fragments disagree on the datagram length' };
      }
      partial.total = end;
    }
    partial.pieces.push({ start, data: p.payload.slice() });
    const whole = assemble(partial);
    if (!whole) return { status: 'pending' };
    this.partials.delete(key);
    return { status: 'complete', packet: whole };
  }

  /** Drops partial datagrams whose time is up and returns them (oldest first). */
  expire(now: number): ExpiredDatagram[] {
    const out: ExpiredDatagram[] = [];
    for (const [key, partial] of this.partials) {
      if (partial.deadline > now) continue;
      this.partials.delete(key);
      const [src = '', dst = '', id = '0', protocol = '0'] = key.split('|');
      const e: ExpiredDatagram = { src, dst, id: Number(id), protocol: Number(protocol) };
      if (partial.firstBytes) e.firstFragment = partial.firstBytes;
      out.push(e);
    }
    return out;
  }
}

/** The whole datagram once every byte up to the known total has arrived; later pieces win overlaps. */
function assemble(partial: Partial): Uint8Array | undefined {
  const { first, total } = partial;
  if (!first || total === undefined) return undefined;
  const sorted = [...partial.pieces].sort((a, b) => a.start - b.start);
  let covered = 0;
  for (const piece of sorted) {
    if (piece.start > covered) return undefined;
    covered = Math.max(covered, piece.start + piece.data.length);
  }
  if (covered < total) return undefined;
  const payload = new Uint8Array(total);
  for (const piece of partial.pieces) if (piece.start < total) payload.set(piece.data.subarray(0, Math.max(0, total - piece.start)), piece.start);
  const { src, dst, protocol, tos, id, ttl, options } = first;
  return emitIpv4({ src, dst, protocol, tos, id, ttl, options }, payload);
}
