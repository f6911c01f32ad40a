// ICMP (RFC 792) messages the lab sends: echo and echo reply, destination unreachable (with the
// RFC 1191 next-hop MTU for code 4, "fragmentation needed and DF set"), time exceeded.
//   0 type  1 code  2 checksum  4 rest of header (id|seq, or unused|next-hop MTU)  8 data
// An error carries the offending packet's IP header plus its first 8 payload bytes
// (icmpErrorQuote); the checksum covers the whole message.
import { checksumVerifies, internetChecksum } from './checksum';
import { checksumText, field, hexValue, problemStep, put16, put32, u16, u32, u8 } from './bytes';
import { fail, ok, type Dissector, type DissectField, type DissectLayer, type DissectStep, type ParseResult } from './layer';

export const ICMP_HEADER_LEN = 8;

export const IcmpType = { EchoReply: 0, DestUnreachable: 3, Echo: 8, TimeExceeded: 11 } as const;

export const UnreachableCode = {
  Net: 0, Host: 1, Protocol: 2, Port: 3, FragmentationNeeded: 4, SourceRouteFailed: 5,
  AdministrativelyProhibited: 13,
} as const;

export const TimeExceededCode = { TtlExceeded: 0, ReassemblyTimeExceeded: 1 } as const;

export type IcmpMessage =
  | { kind: 'echo-request' | 'echo-reply'; code: number; id: number; seq: number; data: Uint8Array }
  /** nextHopMtu is meaningful for code 4 (RFC 1191) and 0 otherwise. */
  | { kind: 'dest-unreachable'; code: number; nextHopMtu: number; original: Uint8Array }
  | { kind: 'time-exceeded'; code: number; original: Uint8Array }
  /** Any other type: the 4 "rest of header" bytes as a number, then the data. */
  | { kind: 'other'; type: number; code: number; rest: number; data: Uint8Array };

/** A parsed message always has its checksum; when emitting, unset means compute. */
export type IcmpPacket = IcmpMessage & { checksum: number };
export type IcmpFields = IcmpMessage & { checksum?: number };

const KIND_TYPE = { 'echo-request': 8, 'echo-reply': 0, 'dest-unreachable': 3, 'time-exceeded': 11 } as const;

export function icmpType(m: IcmpMessage): number {
  return m.kind === 'other' ? m.type : KIND_TYPE[m.kind];
}

export function emitIcmp(m: IcmpFields): Uint8Array {
  const body = 'data' in m ? m.data : m.original;
  const out = new Uint8Array(ICMP_HEADER_LEN + body.length);
  out[0] = icmpType(m);
  out[1] = m.code & 0xff;
  if (m.kind === 'echo-request' || m.kind === 'echo-reply') {
    put16(out, 4, m.id);
    put16(out, 6, m.seq);
  } else if (m.kind === 'dest-unreachable') put16(out, 6, m.nextHopMtu);
  else if (m.kind === 'other') put32(out, 4, m.rest);
  out.set(body, ICMP_HEADER_LEN);
  put16(out, 2, m.checksum ?? internetChecksum(out));
  return out;
}

export interface IcmpParseOptions {
  /** Refuse a message whose checksum is wrong (default true). */
  verifyChecksum?: boolean;
}

/** The whole buffer is the message (IPv4 has already cut it to its total length). */
export function parseIcmp(buf: Uint8Array, opts: IcmpParseOptions = {}): ParseResult<IcmpPacket> {
  if (buf.length < ICMP_HEADER_LEN) return fail(`ICMP: truncated (${buf.length} of ${ICMP_HEADER_LEN} header bytes)`);
  if ((opts.verifyChecksum ?? true) && !checksumVerifies(buf)) return fail('ICMP: bad checksum');
  const type = u8(buf, 0);
  const code = u8(buf, 1);
  const checksum = u16(buf, 2);
  const body = buf.slice(ICMP_HEADER_LEN);
  switch (type) {
    case 8:
    case 0:
      return ok({ kind: type === 8 ? 'echo-request' : 'echo-reply', code, checksum, id: u16(buf, 4), seq: u16(buf, 6), data: body });
    case 3:
      if (u16(buf, 4) !== 0) break; // RFC 4884 length or garbage in "unused": keep it as 'other'
      return ok({ kind: 'dest-unreachable', code, checksum, nextHopMtu: u16(buf, 6), original: body });
    case 11:
      if (u32(buf, 4) !== 0) break;
      return ok({ kind: 'time-exceeded', code, checksum, original: body });
  }
  return ok({ kind: 'other', type, code, checksum, rest: u32(buf, 4), data: body });
}

/** What an ICMP error quotes of the packet that caused it: IP header + first 8 payload bytes (RFC 792). */
export function icmpErrorQuote(ipPacket: Uint8Array): Uint8Array {
  const hdrLen = ((ipPacket[0] ?? 0) & 0xf) * 4;
  return ipPacket.slice(0, Math.min(ipPacket.length, hdrLen + 8));
}

/** Convenience builders for the messages a router or host sends. */
export const icmpEchoRequest = (id: number, seq: number, data: Uint8Array): Uint8Array =>
  emitIcmp({ kind: 'echo-request', code: 0, id, seq, data });
export const icmpEchoReply = (id: number, seq: number, data: Uint8Array): Uint8Array =>
  emitIcmp({ kind: 'echo-reply', code: 0, id, seq, data });
export const icmpUnreachable = (code: number, offending: Uint8Array, nextHopMtu = 0): Uint8Array =>
  emitIcmp({ kind: 'dest-unreachable', code, nextHopMtu, original: icmpErrorQuote(offending) });
export const icmpFragmentationNeeded = (nextHopMtu: number, offending: Uint8Array): Uint8Array =>
  icmpUnreachable(UnreachableCode.FragmentationNeeded, offending, nextHopMtu);
export const icmpTimeExceeded = (offending: Uint8Array, code: number = TimeExceededCode.TtlExceeded): Uint8Array =>
  emitIcmp({ kind: 'time-exceeded', code, original: icmpErrorQuote(offending) });

// ---- dissect ---------------------------------------------------------------------------------

const TYPE_NAMES: Record<number, string> = { 0: 'Echo (ping) reply', 3: 'Destination unreachable', 8: 'Echo (ping) request', 11: 'Time-to-live exceeded' };
const UNREACH_NAMES: Record<number, string> = {
  0: 'Network unreachable', 1: 'Host unreachable', 2: 'Protocol unreachable', 3: 'Port unreachable',
  4: 'Fragmentation needed', 5: 'Source route failed', 13: 'Communication administratively filtered',
};
const TIME_NAMES: Record<number, string> = { 0: 'Time to live exceeded in transit', 1: 'Fragment reassembly time exceeded' };

const named = (names: Record<number, string>, v: number) => (names[v] ? `${names[v]} (${v})` : `${v}`);

export const dissectIcmp: Dissector = (buf, offset, end) => {
  const title = 'Internet Control Message Protocol';
  if (end - offset < ICMP_HEADER_LEN) return problemStep('icmp', title, offset, end, 'Truncated ICMP header');
  const type = u8(buf, offset);
  const code = u8(buf, offset + 1);
  const checksum = u16(buf, offset + 2);
  const good = checksumVerifies(buf, offset, end);
  const codeNames = type === 3 ? UNREACH_NAMES : type === 11 ? TIME_NAMES : {};
  const fields: DissectField[] = [
    field('Type', named(TYPE_NAMES, type), offset, 1),
    field('Code', named(codeNames, code), offset + 1, 1),
    field('Checksum', checksumText(checksum, good), offset + 2, 2),
  ];
  const bodyAt = offset + ICMP_HEADER_LEN;
  const layer: DissectLayer = { protocol: 'icmp', title, offset, length: end - offset, fields };
  if (!good) layer.problem = 'Bad checksum';
  const step: DissectStep = { layer };
  if (type === 8 || type === 0) {
    const id = u16(buf, offset + 4);
    const seq = u16(buf, offset + 6);
    fields.push(field('Identifier (BE)', `${id} (${hexValue(id, 4)})`, offset + 4, 2));
    fields.push(field('Sequence Number (BE)', `${seq} (${hexValue(seq, 4)})`, offset + 6, 2));
    if (end > bodyAt) fields.push(field('Data', `(${end - bodyAt} bytes)`, bodyAt, end - bodyAt));
    return step;
  }
  if (type === 3 || type === 11) {
    if (type === 3 && code === 4) {
      fields.push(field('Unused', hexValue(u16(buf, offset + 4), 4), offset + 4, 2));
      fields.push(field('MTU of next hop', `${u16(buf, offset + 6)}`, offset + 6, 2));
    } else fields.push(field('Unused', hexValue(u32(buf, offset + 4), 8), offset + 4, 4));
    // The quoted packet is dissected as an inner IPv4 layer, as Wireshark does.
    layer.length = ICMP_HEADER_LEN;
    return { layer, payload: { offset: bodyAt, length: end - bodyAt }, bindKeys: [ICMP_QUOTE_KEY] };
  }
  fields.push(field('Rest of header', hexValue(u32(buf, offset + 4), 8), offset + 4, 4));
  if (end > bodyAt) fields.push(field('Data', `(${end - bodyAt} bytes)`, bodyAt, end - bodyAt));
  return step;
};

/** Registry key under 'icmp' for the quoted original packet of an error message. */
export const ICMP_QUOTE_KEY = 0x10000;
