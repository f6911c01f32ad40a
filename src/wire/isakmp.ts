// ISAKMP (RFC 2408) as IKEv1 (RFC 2409) uses it: the 28-byte header and the generic payload
// chain, with the SA > Proposal > Transform nesting and the attribute encodings (TV and TLV).
// NAT-T (RFC 3947) adds the NAT-D payload (type 20) and the UDP-encapsulated modes 3 and 4.
//
// Shape (smoltcp style): named field offsets, a plain message representation, parse (never
// throws, returns a ParseResult), emit, length, and dissect. Scapy style: `nextPayload` and
// `length` left unset are computed on emit; set them to override (to build broken packets).
import { fromHex, hexValue, put16, put32, toHex } from './bytes';
import { type DissectField, type DissectStep, type ParseResult, fail, ok } from './layer';

export const ISAKMP_PORT = 500;
export const NAT_T_PORT = 4500;
export const HEADER_LEN = 28;

/** Header field offsets (RFC 2408 §3.1). */
export const Field = {
  INIT_COOKIE: 0,
  RESP_COOKIE: 8,
  NEXT_PAYLOAD: 16,
  VERSION: 17,
  EXCHANGE: 18,
  FLAGS: 19,
  MESSAGE_ID: 20,
  LENGTH: 24,
} as const;

export const PayloadType = {
  None: 0,
  SA: 1,
  Proposal: 2,
  Transform: 3,
  KE: 4,
  ID: 5,
  Cert: 6,
  CertReq: 7,
  Hash: 8,
  Sig: 9,
  Nonce: 10,
  Notify: 11,
  Delete: 12,
  VendorID: 13,
  NatD: 20,
  NatOA: 21,
} as const;

export const ExchangeType = { Base: 1, MainMode: 2, AuthOnly: 3, Aggressive: 4, Informational: 5, QuickMode: 32 } as const;
export const Flags = { Encryption: 1, Commit: 2, AuthOnly: 4 } as const;
export const ProtocolId = { ISAKMP: 1, AH: 2, ESP: 3, IPCOMP: 4 } as const;
export const DOI_IPSEC = 1;
export const SIT_IDENTITY_ONLY = 1;
/** Transform id of every phase-1 transform. */
export const KEY_IKE = 1;

/** Phase 1 (ISAKMP SA) attribute types, RFC 2409 Appendix A. */
export const Phase1Attr = { Encryption: 1, Hash: 2, AuthMethod: 3, Group: 4, LifeType: 11, LifeDuration: 12, KeyLength: 14 } as const;
export const Phase1Encryption = { DES: 1, TripleDES: 5, AES: 7 } as const;
export const Phase1Hash = { MD5: 1, SHA: 2, SHA256: 4, SHA384: 5, SHA512: 6 } as const;
export const AuthMethod = { PreShared: 1, RsaSig: 3 } as const;
export const LifeType = { Seconds: 1, Kilobytes: 2 } as const;

/** Phase 2 IPsec DOI attribute types, RFC 2407 §4.5. */
export const IpsecAttr = { SaLifeType: 1, SaLifeDuration: 2, GroupDesc: 3, EncapsulationMode: 4, AuthAlgorithm: 5, KeyLength: 6 } as const;
/** RFC 2407 values 1/2; RFC 3947 values 3/4; the draft values IOS used before RFC 3947. */
export const EncapMode = { Tunnel: 1, Transport: 2, UdpTunnel: 3, UdpTransport: 4, UdpTunnelDraft: 61443, UdpTransportDraft: 61444 } as const;
/** ESP transform ids (IANA "IPsec ESP Transform Identifiers"). */
export const EspTransform = { DES: 2, TripleDES: 3, NULL: 11, AES: 12, AES_GCM_16: 20 } as const;
export const IpsecAuth = { HMAC_MD5: 1, HMAC_SHA: 2, HMAC_SHA2_256: 5, HMAC_SHA2_384: 6, HMAC_SHA2_512: 7 } as const;

export const IdType = { IPv4Addr: 1, FQDN: 2, UserFQDN: 3, IPv4Subnet: 4, IPv4Range: 7, KeyId: 11 } as const;

/** Notify message types used by IKEv1 (RFC 2408 §3.14.1, RFC 2407 §4.6.3, RFC 3706). */
export const NotifyType = {
  INVALID_PAYLOAD_TYPE: 1,
  INVALID_COOKIE: 4,
  INVALID_EXCHANGE_TYPE: 7,
  INVALID_FLAGS: 8,
  INVALID_MESSAGE_ID: 9,
  INVALID_PROTOCOL_ID: 10,
  INVALID_SPI: 11,
  INVALID_TRANSFORM_ID: 12,
  ATTRIBUTES_NOT_SUPPORTED: 13,
  NO_PROPOSAL_CHOSEN: 14,
  PAYLOAD_MALFORMED: 16,
  INVALID_KEY_INFORMATION: 17,
  INVALID_ID_INFORMATION: 18,
  INVALID_HASH_INFORMATION: 23,
  AUTHENTICATION_FAILED: 24,
  INVALID_SIGNATURE: 25,
  RESPONDER_LIFETIME: 24576,
  REPLAY_STATUS: 24577,
  INITIAL_CONTACT: 24578,
  R_U_THERE: 36136,
  R_U_THERE_ACK: 36137,
} as const;

/** Vendor IDs as IOS sends them (Wireshark names each one). */
export const VendorId = {
  RFC3947: fromHex('4a131c81070358455c5728f20e95452f'),
  NatTDraft07: fromHex('439b59f8ba676c4c7737ae22eab8f582'),
  NatTDraft03: fromHex('7d9419a65310ca6f2c179d9215529d56'),
  NatTDraft02n: fromHex('90cb80913ebb696e086381b5ec427b1f'),
  DPD: fromHex('afcad71368a1f1c96b8696fc77570100'),
  CiscoUnity: fromHex('12f5f28c457168a9702d9fe274cc0100'),
  XAUTH: fromHex('09002689dfd6b712'),
} as const;

/** TV (basic, value fits 16 bits) or TLV (variable) data attribute, RFC 2408 §3.3. */
export type Attribute = { type: number; value: number } | { type: number; bytes: Uint8Array };

export interface Transform {
  number: number;
  transformId: number;
  attributes: Attribute[];
}

export interface Proposal {
  number: number;
  protocolId: number;
  spi: Uint8Array;
  transforms: Transform[];
}

export type IsakmpPayload =
  | { type: 'sa'; doi: number; situation: number; proposals: Proposal[] }
  | { type: 'ke' | 'nonce' | 'hash' | 'vendor' | 'natd' | 'sig'; data: Uint8Array }
  | { type: 'id'; idType: number; protocolId: number; port: number; data: Uint8Array }
  | { type: 'notify'; doi: number; protocolId: number; messageType: number; spi: Uint8Array; data: Uint8Array }
  | { type: 'delete'; doi: number; protocolId: number; spiSize: number; spis: Uint8Array[] }
  | { type: 'unknown'; payloadType: number; data: Uint8Array };

export interface IsakmpMessage {
  initiatorCookie: Uint8Array;
  responderCookie: Uint8Array;
  /** Unset: the first payload's type (or, when encrypted, that of the first encrypted payload). */
  nextPayload?: number;
  /** Unset: 0x10 (major 1, minor 0). */
  version?: number;
  exchangeType: number;
  flags: number;
  messageId: number;
  /** Unset: computed. */
  length?: number;
  /** The clear payload chain (empty when `encrypted` is set). */
  payloads: IsakmpPayload[];
  /** With the E flag: the ciphertext after the header, verbatim. */
  encrypted?: Uint8Array;
}

const SIMPLE_TYPES: Record<number, 'ke' | 'nonce' | 'hash' | 'vendor' | 'natd' | 'sig'> = {
  [PayloadType.KE]: 'ke',
  [PayloadType.Nonce]: 'nonce',
  [PayloadType.Hash]: 'hash',
  [PayloadType.VendorID]: 'vendor',
  [PayloadType.NatD]: 'natd',
  [PayloadType.Sig]: 'sig',
};
const SIMPLE_NUMBERS: Record<string, number> = Object.fromEntries(Object.entries(SIMPLE_TYPES).map(([n, t]) => [t, Number(n)]));

export function payloadTypeOf(p: IsakmpPayload): number {
  switch (p.type) {
    case 'sa':
      return PayloadType.SA;
    case 'id':
      return PayloadType.ID;
    case 'notify':
      return PayloadType.Notify;
    case 'delete':
      return PayloadType.Delete;
    case 'unknown':
      return p.payloadType;
    default:
      return SIMPLE_NUMBERS[p.type]!;
  }
}

// ---------------------------------------------------------------- attributes

/** An attribute with the encoding IOS uses: TV when the value fits 16 bits, else a 4-byte TLV. */
export function attr(type: number, value: number): Attribute {
  if (value >= 0 && value <= 0xffff) return { type, value };
  return { type, bytes: u32(value) };
}

/** The numeric value of an attribute (TLV big-endian, up to 6 bytes). */
export function attrValue(a: Attribute): number {
  if ('value' in a) return a.value;
  let v = 0;
  for (const b of a.bytes.subarray(Math.max(0, a.bytes.length - 6))) v = v * 256 + b;
  return v;
}

export function findAttr(attrs: readonly Attribute[], type: number): number | undefined {
  const a = attrs.find((x) => x.type === type);
  return a === undefined ? undefined : attrValue(a);
}

function attributesLength(attrs: readonly Attribute[]): number {
  return attrs.reduce((n, a) => n + 4 + ('bytes' in a ? a.bytes.length : 0), 0);
}

function emitAttributes(attrs: readonly Attribute[], out: Uint8Array, off: number): number {
  for (const a of attrs) {
    if ('value' in a) {
      put16(out, off, 0x8000 | (a.type & 0x7fff));
      put16(out, off + 2, a.value);
      off += 4;
    } else {
      put16(out, off, a.type & 0x7fff);
      put16(out, off + 2, a.bytes.length);
      out.set(a.bytes, off + 4);
      off += 4 + a.bytes.length;
    }
  }
  return off;
}

function parseAttributes(buf: Uint8Array, off: number, end: number): ParseResult<Attribute[]> {
  const attrs: Attribute[] = [];
  while (off < end) {
    if (end - off < 4) return fail(`attribute truncated: ${end - off} bytes left, need 4`);
    const t = get16(buf, off);
    const v = get16(buf, off + 2);
    if (t & 0x8000) {
      attrs.push({ type: t & 0x7fff, value: v });
      off += 4;
    } else {
      if (off + 4 + v > end) return fail(`TLV attribute ${t} length ${v} runs past its transform`);
      attrs.push({ type: t, bytes: buf.slice(off + 4, off + 4 + v) });
      off += 4 + v;
    }
  }
  return ok(attrs);
}

// ---------------------------------------------------------------- lengths

function transformLength(t: Transform): number {
  return 8 + attributesLength(t.attributes);
}
function proposalLength(p: Proposal): number {
  return 8 + p.spi.length + p.transforms.reduce((n, t) => n + transformLength(t), 0);
}

/** Bytes of one payload including its 4-byte generic header. */
export function payloadLength(p: IsakmpPayload): number {
  switch (p.type) {
    case 'sa':
      return 12 + p.proposals.reduce((n, x) => n + proposalLength(x), 0);
    case 'id':
      return 8 + p.data.length;
    case 'notify':
      return 12 + p.spi.length + p.data.length;
    case 'delete':
      return 12 + p.spis.reduce((n, s) => n + s.length, 0);
    default:
      return 4 + p.data.length;
  }
}

export function chainLength(payloads: readonly IsakmpPayload[]): number {
  return payloads.reduce((n, p) => n + payloadLength(p), 0);
}

/** Bytes of the whole message as emit() writes it. */
export function length(msg: IsakmpMessage): number {
  return HEADER_LEN + (msg.encrypted ? msg.encrypted.length : chainLength(msg.payloads));
}

// ---------------------------------------------------------------- emit

/** Writes the payload chain alone (what IKEv1 hashes and encrypts). */
export function emitChain(payloads: readonly IsakmpPayload[]): Uint8Array {
  const out = new Uint8Array(chainLength(payloads));
  let off = 0;
  payloads.forEach((p, i) => {
    const next = payloads[i + 1];
    off = emitPayload(p, next ? payloadTypeOf(next) : PayloadType.None, out, off);
  });
  return out;
}

/** One payload with its generic header, as the body of HASH computations uses it (RFC 2409 §5). */
export function emitPayloadBody(p: IsakmpPayload): Uint8Array {
  const out = new Uint8Array(payloadLength(p));
  emitPayload(p, 0, out, 0);
  return out.subarray(4);
}

function emitPayload(p: IsakmpPayload, next: number, out: Uint8Array, off: number): number {
  const len = payloadLength(p);
  out[off] = next;
  out[off + 1] = 0;
  put16(out, off + 2, len);
  let o = off + 4;
  switch (p.type) {
    case 'sa':
      put32(out, o, p.doi);
      put32(out, o + 4, p.situation);
      o += 8;
      p.proposals.forEach((prop, i) => {
        o = emitProposal(prop, i + 1 < p.proposals.length ? PayloadType.Proposal : 0, out, o);
      });
      break;
    case 'id':
      out[o] = p.idType;
      out[o + 1] = p.protocolId;
      put16(out, o + 2, p.port);
      out.set(p.data, o + 4);
      break;
    case 'notify':
      put32(out, o, p.doi);
      out[o + 4] = p.protocolId;
      out[o + 5] = p.spi.length;
      put16(out, o + 6, p.messageType);
      out.set(p.spi, o + 8);
      out.set(p.data, o + 8 + p.spi.length);
      break;
    case 'delete':
      put32(out, o, p.doi);
      out[o + 4] = p.protocolId;
      out[o + 5] = p.spiSize;
      put16(out, o + 6, p.spis.length);
      o += 8;
      for (const s of p.spis) {
        out.set(s, o);
        o += s.length;
      }
      break;
    default:
      out.set(p.data, o);
  }
  return off + len;
}

function emitProposal(p: Proposal, next: number, out: Uint8Array, off: number): number {
  out[off] = next;
  out[off + 1] = 0;
  put16(out, off + 2, proposalLength(p));
  out[off + 4] = p.number;
  out[off + 5] = p.protocolId;
  out[off + 6] = p.spi.length;
  out[off + 7] = p.transforms.length;
  out.set(p.spi, off + 8);
  let o = off + 8 + p.spi.length;
  p.transforms.forEach((t, i) => {
    out[o] = i + 1 < p.transforms.length ? PayloadType.Transform : 0;
    out[o + 1] = 0;
    put16(out, o + 2, transformLength(t));
    out[o + 4] = t.number;
    out[o + 5] = t.transformId;
    put16(out, o + 6, 0);
    o = emitAttributes(t.attributes, out, o + 8);
  });
  return o;
}

/** Writes the 28-byte header followed by the payload chain (or the ciphertext). */
export function emit(msg: IsakmpMessage): Uint8Array {
  const body = msg.encrypted ?? emitChain(msg.payloads);
  const out = new Uint8Array(HEADER_LEN + body.length);
  out.set(msg.initiatorCookie.subarray(0, 8), Field.INIT_COOKIE);
  out.set(msg.responderCookie.subarray(0, 8), Field.RESP_COOKIE);
  const first = msg.payloads[0];
  out[Field.NEXT_PAYLOAD] = msg.nextPayload ?? (first ? payloadTypeOf(first) : PayloadType.None);
  out[Field.VERSION] = msg.version ?? 0x10;
  out[Field.EXCHANGE] = msg.exchangeType;
  out[Field.FLAGS] = msg.flags;
  put32(out, Field.MESSAGE_ID, msg.messageId);
  put32(out, Field.LENGTH, msg.length ?? out.length);
  out.set(body, HEADER_LEN);
  return out;
}

// ---------------------------------------------------------------- parse

/** Parses a payload chain starting with payload type `first` (a decrypted body, say). */
export function parseChain(first: number, buf: Uint8Array, start = 0, end = buf.length): ParseResult<IsakmpPayload[]> {
  const payloads: IsakmpPayload[] = [];
  let type = first;
  let off = start;
  while (type !== PayloadType.None) {
    if (end - off < 4) return fail(`payload ${payloadName(type)} truncated at offset ${off}: need a 4-byte generic header`);
    const next = buf[off]!;
    const len = get16(buf, off + 2);
    if (len < 4) return fail(`payload ${payloadName(type)} at offset ${off} has length ${len}, less than its 4-byte header`);
    if (off + len > end) return fail(`payload ${payloadName(type)} at offset ${off} has length ${len}, past the end of the message`);
    const r = parseOne(type, buf, off + 4, off + len);
    if (!r.ok) return r;
    payloads.push(r.value);
    off += len;
    type = next;
  }
  // Bytes after the last payload are allowed: the padding of a decrypted body (RFC 2409 §5.3).
  return ok(payloads);
}

function parseOne(type: number, buf: Uint8Array, off: number, end: number): ParseResult<IsakmpPayload> {
  const n = end - off;
  switch (type) {
    case PayloadType.SA: {
      if (n < 8) return fail(`SA payload body is ${n} bytes, need 8 (DOI, situation)`);
      const props = parseProposals(buf, off + 8, end);
      if (!props.ok) return props;
      return ok({ type: 'sa', doi: get32(buf, off), situation: get32(buf, off + 4), proposals: props.value });
    }
    case PayloadType.ID:
      if (n < 4) return fail(`ID payload body is ${n} bytes, need 4`);
      return ok({ type: 'id', idType: buf[off]!, protocolId: buf[off + 1]!, port: get16(buf, off + 2), data: buf.slice(off + 4, end) });
    case PayloadType.Notify: {
      if (n < 8) return fail(`Notify payload body is ${n} bytes, need 8`);
      const spiSize = buf[off + 5]!;
      if (8 + spiSize > n) return fail(`Notify SPI size ${spiSize} runs past the payload`);
      return ok({
        type: 'notify',
        doi: get32(buf, off),
        protocolId: buf[off + 4]!,
        messageType: get16(buf, off + 6),
        spi: buf.slice(off + 8, off + 8 + spiSize),
        data: buf.slice(off + 8 + spiSize, end),
      });
    }
    case PayloadType.Delete: {
      if (n < 8) return fail(`Delete payload body is ${n} bytes, need 8`);
      const spiSize = buf[off + 5]!;
      const count = get16(buf, off + 6);
      if (8 + spiSize * count !== n) return fail(`Delete payload: ${count} SPIs of ${spiSize} bytes do not fill its ${n - 8} bytes`);
      if (spiSize === 0 && count > 0) return fail('Delete payload lists SPIs of size 0');
      const spis: Uint8Array[] = [];
      for (let i = 0; i < count; i++) spis.push(buf.slice(off + 8 + i * spiSize, off + 8 + (i + 1) * spiSize));
      return ok({ type: 'delete', doi: get32(buf, off), protocolId: buf[off + 4]!, spiSize, spis });
    }
    default: {
      const simple = SIMPLE_TYPES[type];
      if (simple) return ok({ type: simple, data: buf.slice(off, end) });
      return ok({ type: 'unknown', payloadType: type, data: buf.slice(off, end) });
    }
  }
}

function parseProposals(buf: Uint8Array, off: number, end: number): ParseResult<Proposal[]> {
  const out: Proposal[] = [];
  let more = off < end;
  while (more) {
    if (end - off < 8) return fail(`proposal truncated at offset ${off}: need 8 bytes`);
    const next = buf[off]!;
    const len = get16(buf, off + 2);
    if (next !== PayloadType.Proposal && next !== PayloadType.None) return fail(`proposal next payload is ${next}, expected 2 or 0`);
    if (len < 8 || off + len > end) return fail(`proposal length ${len} at offset ${off} does not fit the SA payload`);
    const spiSize = buf[off + 6]!;
    const count = buf[off + 7]!;
    if (8 + spiSize > len) return fail(`proposal SPI size ${spiSize} runs past the proposal`);
    const transforms = parseTransforms(buf, off + 8 + spiSize, off + len, count);
    if (!transforms.ok) return transforms;
    out.push({ number: buf[off + 4]!, protocolId: buf[off + 5]!, spi: buf.slice(off + 8, off + 8 + spiSize), transforms: transforms.value });
    off += len;
    more = next === PayloadType.Proposal;
  }
  if (off !== end) return fail(`${end - off} bytes after the last proposal of the SA payload`);
  return ok(out);
}

function parseTransforms(buf: Uint8Array, off: number, end: number, count: number): ParseResult<Transform[]> {
  const out: Transform[] = [];
  for (let i = 0; i < count; i++) {
    if (end - off < 8) return fail(`transform ${i + 1} of ${count} truncated: need 8 bytes`);
    const next = buf[off]!;
    const len = get16(buf, off + 2);
    if (len < 8 || off + len > end) return fail(`transform length ${len} at offset ${off} does not fit its proposal`);
    const expectNext = i + 1 < count ? PayloadType.Transform : PayloadType.None;
    if (next !== expectNext) return fail(`transform ${i + 1} of ${count} has next payload ${next}, expected ${expectNext}`);
    const attrs = parseAttributes(buf, off + 8, off + len);
    if (!attrs.ok) return attrs;
    out.push({ number: buf[off + 4]!, transformId: buf[off + 5]!, attributes: attrs.value });
    off += len;
  }
  if (off !== end) return fail(`${end - off} bytes after the last transform of a proposal`);
  return ok(out);
}

/** Parses one ISAKMP message. With the E flag, the body is returned as `encrypted`. */
export function parse(buf: Uint8Array): ParseResult<IsakmpMessage & { nextPayload: number; version: number; length: number }> {
  if (buf.length < HEADER_LEN) return fail(`ISAKMP message is ${buf.length} bytes, shorter than the 28-byte header`);
  const len = get32(buf, Field.LENGTH);
  if (len < HEADER_LEN) return fail(`ISAKMP length field ${len} is less than the 28-byte header`);
  if (len > buf.length) return fail(`ISAKMP length field ${len} exceeds the ${buf.length} bytes received`);
  const head = {
    initiatorCookie: buf.slice(0, 8),
    responderCookie: buf.slice(8, 16),
    nextPayload: buf[Field.NEXT_PAYLOAD]!,
    version: buf[Field.VERSION]!,
    exchangeType: buf[Field.EXCHANGE]!,
    flags: buf[Field.FLAGS]!,
    messageId: get32(buf, Field.MESSAGE_ID),
    length: len,
  };
  if (head.flags & Flags.Encryption) return ok({ ...head, payloads: [], encrypted: buf.slice(HEADER_LEN, len) });
  const chain = parseChain(head.nextPayload, buf, HEADER_LEN, len);
  if (!chain.ok) return chain;
  return ok({ ...head, payloads: chain.value });
}

// ---------------------------------------------------------------- ID helpers

/** ID payload for one IPv4 address (ID_IPV4_ADDR); `ip` as an unsigned 32-bit number. */
export function idIpv4(ip: number, protocolId = 0, port = 0): IsakmpPayload {
  return { type: 'id', idType: IdType.IPv4Addr, protocolId, port, data: u32(ip) };
}

/** ID payload for an IPv4 subnet (ID_IPV4_ADDR_SUBNET: address then mask). */
export function idIpv4Subnet(net: number, mask: number, protocolId = 0, port = 0): IsakmpPayload {
  const data = new Uint8Array(8);
  data.set(u32(net), 0);
  data.set(u32(mask), 4);
  return { type: 'id', idType: IdType.IPv4Subnet, protocolId, port, data };
}

// ---------------------------------------------------------------- dissect

const PAYLOAD_NAMES: Record<number, string> = {
  0: 'NONE',
  1: 'Security Association',
  2: 'Proposal',
  3: 'Transform',
  4: 'Key Exchange',
  5: 'Identification',
  6: 'Certificate',
  7: 'Certificate Request',
  8: 'Hash',
  9: 'Signature',
  10: 'Nonce',
  11: 'Notification',
  12: 'Delete',
  13: 'Vendor ID',
  20: 'NAT-D (RFC 3947)',
  21: 'NAT-OA (RFC 3947)',
};
const EXCHANGE_NAMES: Record<number, string> = {
  1: 'Base',
  2: 'Identity Protection (Main Mode)',
  3: 'Authentication Only',
  4: 'Aggressive',
  5: 'Informational',
  32: 'Quick Mode',
};
const NOTIFY_NAMES: Record<number, string> = Object.fromEntries(Object.entries(NotifyType).map(([k, v]) => [v, k]));
const PHASE1_ATTR_NAMES: Record<number, string> = {
  1: 'Encryption-Algorithm',
  2: 'Hash-Algorithm',
  3: 'Authentication-Method',
  4: 'Group-Description',
  11: 'Life-Type',
  12: 'Life-Duration',
  14: 'Key-Length',
};
const IPSEC_ATTR_NAMES: Record<number, string> = {
  1: 'SA-Life-Type',
  2: 'SA-Life-Duration',
  3: 'Group-Description',
  4: 'Encapsulation-Mode',
  5: 'Authentication-Algorithm',
  6: 'Key-Length',
};

export function payloadName(type: number): string {
  return PAYLOAD_NAMES[type] ?? `Unknown (${type})`;
}
export function exchangeName(type: number): string {
  return EXCHANGE_NAMES[type] ?? `Unknown (${type})`;
}
export function notifyName(type: number): string {
  return NOTIFY_NAMES[type] ?? `Unknown (${type})`;
}

/** Dissector for the registry: the ISAKMP layer from `offset` to `end`. Never throws. */
export function dissectIsakmp(buf: Uint8Array, offset: number, end: number): DissectStep {
  const fields: DissectField[] = [];
  const layer = { protocol: 'isakmp', title: 'Internet Security Association and Key Management Protocol', offset, length: end - offset, fields };
  if (end - offset < HEADER_LEN) return { layer: { ...layer, problem: `truncated: ${end - offset} bytes, the header needs 28` } };
  const f = (name: string, value: string, off: number, len: number, children?: DissectField[]): DissectField =>
    children ? { name, value, offset: off, length: len, children } : { name, value, offset: off, length: len };
  const flags = buf[offset + Field.FLAGS]!;
  const next = buf[offset + Field.NEXT_PAYLOAD]!;
  const exch = buf[offset + Field.EXCHANGE]!;
  const ver = buf[offset + Field.VERSION]!;
  const len = get32(buf, offset + Field.LENGTH);
  fields.push(
    f('Initiator SPI', toHex(buf.subarray(offset, offset + 8)), offset, 8),
    f('Responder SPI', toHex(buf.subarray(offset + 8, offset + 16)), offset + 8, 8),
    f('Next payload', `${payloadName(next)} (${next})`, offset + 16, 1),
    f('Version', `${ver >> 4}.${ver & 15}`, offset + 17, 1),
    f('Exchange type', `${exchangeName(exch)} (${exch})`, offset + 18, 1),
    f('Flags', `${hexValue(flags, 2)}${flags & Flags.Encryption ? ' (Encryption)' : ''}${flags & Flags.Commit ? ' (Commit)' : ''}`, offset + 19, 1),
    f('Message ID', `0x${get32(buf, offset + 20).toString(16).padStart(8, '0')}`, offset + 20, 4),
    f('Length', String(len), offset + 24, 4),
  );
  const title = `Internet Security Association and Key Management Protocol, ${exchangeName(exch)}`;
  const bodyEnd = Math.min(end, offset + Math.max(len, HEADER_LEN));
  let problem: string | undefined;
  if (len > end - offset) problem = `length field ${len} exceeds the ${end - offset} bytes present`;
  if (flags & Flags.Encryption) {
    const encLen = bodyEnd - offset - HEADER_LEN;
    fields.push(f('Encrypted Data', `${encLen} bytes`, offset + HEADER_LEN, encLen));
    return { layer: { ...layer, title, fields, encrypted: [{ offset: offset + HEADER_LEN, length: encLen }], ...(problem ? { problem } : {}) } };
  }
  const chain = parseChain(next, buf, offset + HEADER_LEN, bodyEnd);
  if (!chain.ok) problem ??= chain.error;
  let o = offset + HEADER_LEN;
  for (const p of chain.ok ? chain.value : []) {
    const plen = payloadLength(p);
    fields.push(f(`Payload: ${payloadName(payloadTypeOf(p))}`, `${plen} bytes`, o, plen, payloadFields(p, o)));
    o += plen;
  }
  return { layer: { ...layer, title, fields, ...(problem ? { problem } : {}) } };
}

function payloadFields(p: IsakmpPayload, off: number): DissectField[] {
  const body = off + 4;
  const out: DissectField[] = [{ name: 'Payload length', value: String(payloadLength(p)), offset: off + 2, length: 2 }];
  const add = (name: string, value: string, o: number, l: number, children?: DissectField[]) =>
    out.push(children ? { name, value, offset: o, length: l, children } : { name, value, offset: o, length: l });
  switch (p.type) {
    case 'sa': {
      add('Domain of interpretation', p.doi === DOI_IPSEC ? 'IPSEC (1)' : String(p.doi), body, 4);
      add('Situation', `0x${p.situation.toString(16).padStart(8, '0')}`, body + 4, 4);
      let o = body + 8;
      for (const prop of p.proposals) {
        const plen = proposalLength(prop);
        const kids: DissectField[] = [
          { name: 'Proposal number', value: String(prop.number), offset: o + 4, length: 1 },
          { name: 'Protocol ID', value: ['', 'ISAKMP', 'IPSEC_AH', 'IPSEC_ESP', 'IPCOMP'][prop.protocolId] ?? String(prop.protocolId), offset: o + 5, length: 1 },
          { name: 'SPI', value: toHex(prop.spi), offset: o + 8, length: prop.spi.length },
        ];
        let t = o + 8 + prop.spi.length;
        for (const tr of prop.transforms) {
          const tlen = transformLength(tr);
          const names = prop.protocolId === ProtocolId.ISAKMP ? PHASE1_ATTR_NAMES : IPSEC_ATTR_NAMES;
          const attrs: DissectField[] = [];
          let a = t + 8;
          for (const at of tr.attributes) {
            const alen = 4 + ('bytes' in at ? at.bytes.length : 0);
            attrs.push({ name: names[at.type] ?? `Attribute ${at.type}`, value: String(attrValue(at)), offset: a, length: alen });
            a += alen;
          }
          kids.push({ name: `Transform #${tr.number}`, value: `id ${tr.transformId}`, offset: t, length: tlen, children: attrs });
          t += tlen;
        }
        add(`Proposal #${prop.number}`, `${prop.transforms.length} transform(s)`, o, plen, kids);
        o += plen;
      }
      break;
    }
    case 'id':
      add('ID type', String(p.idType), body, 1);
      add('Protocol ID', String(p.protocolId), body + 1, 1);
      add('Port', String(p.port), body + 2, 2);
      add('Identification data', idText(p.idType, p.data), body + 4, p.data.length);
      break;
    case 'notify':
      add('Notify message type', `${notifyName(p.messageType)} (${p.messageType})`, body + 6, 2);
      if (p.spi.length) add('SPI', toHex(p.spi), body + 8, p.spi.length);
      if (p.data.length) add('Notification data', toHex(p.data), body + 8 + p.spi.length, p.data.length);
      break;
    case 'delete':
      add('Number of SPIs', String(p.spis.length), body + 6, 2);
      p.spis.forEach((s, i) => add('SPI', toHex(s), body + 8 + i * p.spiSize, s.length));
      break;
    default: {
      const label = p.type === 'ke' ? 'Key Exchange Data' : p.type === 'nonce' ? 'Nonce DATA' : p.type === 'hash' ? 'Hash DATA' : p.type === 'natd' ? 'HASH of the address and port' : p.type === 'vendor' ? 'Vendor ID' : 'Data';
      add(label, toHex(p.data), body, p.data.length);
    }
  }
  return out;
}

function idText(idType: number, d: Uint8Array): string {
  const ip = (o: number) => `${d[o]}.${d[o + 1]}.${d[o + 2]}.${d[o + 3]}`;
  if (idType === IdType.IPv4Addr && d.length === 4) return ip(0);
  if (idType === IdType.IPv4Subnet && d.length === 8) return `${ip(0)}/${ip(4)}`;
  if (idType === IdType.IPv4Range && d.length === 8) return `${ip(0)}-${ip(4)}`;
  return toHex(d);
}

// ---------------------------------------------------------------- bytes

function get16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}
function get32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}
/** A 4-byte big-endian value (attribute values, ID payload addresses). */
function u32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  put32(b, 0, v);
  return b;
}
