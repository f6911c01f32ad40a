// GRE: the RFC 2784 base header with the RFC 2890 key and sequence number extensions.
//   bit 0 C (checksum present)  bit 2 K (key present)  bit 3 S (sequence present)
//   bits 4-12 reserved0  bits 13-15 version (0)  then protocol type (an EtherType)
//   [checksum, reserved1] if C   [key] if K   [sequence number] if S
// IOS `tunnel mode gre ip` sends the bare 4-byte header; `tunnel key N` adds K.
// Bit 1 (RFC 1701 routing present) is refused: RFC 2784 receivers discard such packets.
import { internetChecksum, checksumVerifies } from './checksum';
import { checksumText, field, hexValue, problemStep, put16, put32, u16, u32 } from './bytes';
import { etherTypeText } from './ethernet';
import { fail, ok, type Dissector, type DissectLayer, type ParseResult } from './layer';

export const GRE_BASE_LEN = 4;
export const GRE_PROTOCOL = 47;

const C = 0x8000;
const R = 0x4000;
const K = 0x2000;
const S = 0x1000;
const RESERVED0 = 0x0ff8;

export interface GreHeader {
  /** EtherType of the payload: 0x0800 for IPv4. */
  protocolType: number;
  /** Present (C bit set) exactly when defined: the value on the wire. */
  checksum?: number;
  /** RFC 2890 key (K bit). */
  key?: number;
  /** RFC 2890 sequence number (S bit). */
  sequence?: number;
  /** Bits 4-12 of the first word, normally 0. */
  reserved0: number;
  version: number;
}

export interface GrePacket extends GreHeader {
  payload: Uint8Array;
}

/** checksum: 'compute' sets C and fills it in; a number is written as is; unset leaves C clear. */
export type GreFields = Omit<GreHeader, 'checksum' | 'reserved0' | 'version'> &
  Partial<Pick<GreHeader, 'reserved0' | 'version'>> & { checksum?: number | 'compute' };

export function greHeaderLength(h: { checksum?: unknown; key?: number; sequence?: number }): number {
  return GRE_BASE_LEN + (h.checksum !== undefined ? 4 : 0) + (h.key !== undefined ? 4 : 0) + (h.sequence !== undefined ? 4 : 0);
}

export function emitGre(f: GreFields, payload: Uint8Array): Uint8Array {
  const hdrLen = greHeaderLength(f);
  const out = new Uint8Array(hdrLen + payload.length);
  const flags =
    (f.checksum !== undefined ? C : 0) | (f.key !== undefined ? K : 0) | (f.sequence !== undefined ? S : 0) |
    (((f.reserved0 ?? 0) << 3) & RESERVED0) | ((f.version ?? 0) & 7);
  put16(out, 0, flags);
  put16(out, 2, f.protocolType);
  // Optional words in RFC 2890 order: checksum+reserved1, key, sequence number.
  const keyAt = GRE_BASE_LEN + (f.checksum !== undefined ? 4 : 0);
  if (f.key !== undefined) put32(out, keyAt, f.key);
  if (f.sequence !== undefined) put32(out, keyAt + (f.key !== undefined ? 4 : 0), f.sequence);
  out.set(payload, hdrLen);
  if (f.checksum !== undefined) put16(out, GRE_BASE_LEN, f.checksum === 'compute' ? internetChecksum(out) : f.checksum);
  return out;
}

export interface GreParseOptions {
  /** Refuse a packet whose GRE checksum (when present) is wrong. Default true. */
  verifyChecksum?: boolean;
}

export function parseGre(buf: Uint8Array, opts: GreParseOptions = {}): ParseResult<GrePacket> {
  if (buf.length < GRE_BASE_LEN) return fail(`GRE: truncated (${buf.length} of 4 header bytes)`);
  const flags = u16(buf, 0);
  const version = flags & 7;
  if (version !== 0) return fail(`GRE: version ${version} not supported (RFC 2784 wants 0)`);
  if (flags & R) return fail('GRE: routing present (RFC 1701) not supported');
  const hdrLen = GRE_BASE_LEN + (flags & C ? 4 : 0) + (flags & K ? 4 : 0) + (flags & S ? 4 : 0);
  if (buf.length < hdrLen) return fail(`GRE: truncated (${buf.length} of ${hdrLen} header bytes)`);
  const p: GrePacket = { protocolType: u16(buf, 2), reserved0: (flags & RESERVED0) >> 3, version, payload: buf.subarray(hdrLen) };
  let at = GRE_BASE_LEN;
  if (flags & C) {
    p.checksum = u16(buf, at);
    if ((opts.verifyChecksum ?? true) && !checksumVerifies(buf)) return fail('GRE: bad checksum');
    at += 4;
  }
  if (flags & K) {
    p.key = u32(buf, at);
    at += 4;
  }
  if (flags & S) p.sequence = u32(buf, at);
  return ok(p);
}

// Wireshark shows each flag over the whole 16-bit word; bit positions count from its MSB.
const bit = (name: string, on: boolean, pos: number) => field(name, on ? 'Set' : 'Not set', 0, 2, { bitOffset: pos, bitWidth: 1 });

export const dissectGre: Dissector = (buf, offset, end) => {
  const title = 'Generic Routing Encapsulation';
  if (end - offset < GRE_BASE_LEN) return problemStep('gre', title, offset, end, 'Truncated GRE header');
  const flags = u16(buf, offset);
  const type = u16(buf, offset + 2);
  const hdrLen = GRE_BASE_LEN + (flags & C ? 4 : 0) + (flags & K ? 4 : 0) + (flags & S ? 4 : 0);
  const flagBits = [bit('Checksum Bit', (flags & C) !== 0, 0), bit('Routing Bit', (flags & R) !== 0, 1), bit('Key Bit', (flags & K) !== 0, 2), bit('Sequence Number Bit', (flags & S) !== 0, 3)]
    .map((f) => ({ ...f, offset }));
  const fields = [
    field('Flags and Version', hexValue(flags, 4), offset, 2, undefined, [
      ...flagBits,
      field('Reserved', `${(flags & RESERVED0) >> 3}`, offset, 2, { bitOffset: 4, bitWidth: 9 }),
      field('Version', `${flags & 7}`, offset, 2, { bitOffset: 13, bitWidth: 3 }),
    ]),
    field('Protocol Type', etherTypeText(type), offset + 2, 2),
  ];
  const layer: DissectLayer = { protocol: 'gre', title: `${title} (${etherTypeText(type).replace(/^0x[0-9a-f]+ \((.*)\)$/, '$1')})`, offset, length: hdrLen, fields };
  if (end - offset < hdrLen) {
    layer.length = end - offset;
    layer.problem = `Truncated: GRE header needs ${hdrLen} bytes`;
    return { layer };
  }
  let at = offset + GRE_BASE_LEN;
  if (flags & C) {
    fields.push(field('Checksum', checksumText(u16(buf, at), checksumVerifies(buf, offset, end)), at, 2));
    fields.push(field('Offset', `${u16(buf, at + 2)}`, at + 2, 2));
    if (!checksumVerifies(buf, offset, end)) layer.problem = 'Bad checksum';
    at += 4;
  }
  if (flags & K) {
    fields.push(field('Key', `${hexValue(u32(buf, at), 8)} (${u32(buf, at)})`, at, 4));
    at += 4;
  }
  if (flags & S) {
    fields.push(field('Sequence Number', `${u32(buf, at)}`, at, 4));
  }
  const unsupported = (flags & 7) !== 0 || (flags & R) !== 0;
  if (unsupported) layer.problem = 'Unsupported GRE version or routing bit (RFC 2784)';
  const payload = { offset: offset + hdrLen, length: end - offset - hdrLen };
  return unsupported ? { layer, payload } : { layer, payload, bindKeys: [type] };
};
