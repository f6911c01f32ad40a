// OSPFv2 (RFC 2328 Appendix A): the common header, Hello, Database Description, Link State
// Request, Link State Update and Link State Acknowledgment packets, and the LSA header with
// router (type 1), network (type 2) and summary (types 3 and 4) LSA bodies.
//
// Shaped like smoltcp src/wire: named field offsets, `parseOspf` (never throws), `emitOspf`,
// `ospfLength`, and `dissectOspf` for the inspector. Scapy style: fields left unset are computed
// (version, length, packet checksum, LSA length and Fletcher checksum), any of them can be
// overridden to build a deliberately wrong packet.
//
// Addresses and router IDs are dotted quads ("1.1.1.1"), as IOS shows them.
import { internetChecksum, onesComplementSum } from './checksum';
import { hexValue, put16, put32, readIpv4 as readIp, u16, u32 } from './bytes';
import { fail, ok, type ByteRange, type DissectField, type DissectStep, type ParseResult } from './layer';

export const OSPF_PROTOCOL = 89;
export const OSPF_VERSION = 2;
export const ALL_SPF_ROUTERS = '224.0.0.5';
export const ALL_DROUTERS = '224.0.0.6';

// Common header field offsets (A.3.1).
const F = {
  VERSION: 0,
  TYPE: 1,
  LENGTH: 2,
  ROUTER_ID: 4,
  AREA_ID: 8,
  CHECKSUM: 12,
  AUTYPE: 14,
  AUTH: 16,
} as const;
export const OSPF_HEADER_LEN = 24;
export const LSA_HEADER_LEN = 20;
const HELLO_FIXED_LEN = 20;
const DBD_FIXED_LEN = 8;
const LSR_ENTRY_LEN = 12;

export const OspfType = { Hello: 1, DatabaseDescription: 2, LinkStateRequest: 3, LinkStateUpdate: 4, LinkStateAck: 5 } as const;
const TYPE_NAMES: Record<number, string> = {
  1: 'Hello Packet',
  2: 'DB Description',
  3: 'LS Request',
  4: 'LS Update',
  5: 'LS Acknowledge',
};

export const LsaType = { Router: 1, Network: 2, SummaryNetwork: 3, SummaryAsbr: 4, AsExternal: 5 } as const;
const LSA_TYPE_NAMES: Record<number, string> = {
  1: 'Router-LSA',
  2: 'Network-LSA',
  3: 'Summary-LSA (IP network)',
  4: 'Summary-LSA (ASBR)',
  5: 'AS-External-LSA (ASBR)',
};

/** Router-LSA link types (A.4.2). */
export const RouterLinkType = { PointToPoint: 1, Transit: 2, Stub: 3, Virtual: 4 } as const;

/** DBD flag bits (A.3.3). */
export const DbdFlags = { MS: 0x01, M: 0x02, I: 0x04 } as const;
/** Options bits (A.2): E = external routing capable, the one IOS sets in area 0. */
export const OspfOptions = { E: 0x02, MC: 0x04, NP: 0x08, L: 0x10, DC: 0x20, O: 0x40, DN: 0x80 } as const;
/** Router-LSA flags (A.4.2). */
export const RouterLsaFlags = { B: 0x01, E: 0x02, V: 0x04 } as const;

// ---------------------------------------------------------------------------------------------
// Representations

export interface OspfHello {
  kind: 'hello';
  networkMask: string;
  helloInterval: number;
  options: number;
  priority: number;
  deadInterval: number;
  designatedRouter: string;
  backupDesignatedRouter: string;
  neighbors: string[];
}

export interface OspfDbd {
  kind: 'dbd';
  interfaceMtu: number;
  options: number;
  /** I / M / MS bits (DbdFlags). */
  flags: number;
  sequence: number;
  lsaHeaders: LsaHeader[];
}

export interface LsaRequest {
  lsType: number;
  linkStateId: string;
  advertisingRouter: string;
}

export interface OspfLsr {
  kind: 'lsr';
  requests: LsaRequest[];
}

export interface OspfLsu {
  kind: 'lsu';
  lsas: Lsa[];
}

export interface OspfLsAck {
  kind: 'lsack';
  lsaHeaders: LsaHeader[];
}

export type OspfBody = OspfHello | OspfDbd | OspfLsr | OspfLsu | OspfLsAck;

export interface OspfPacket {
  /** Unset: 2. */
  version?: number;
  routerId: string;
  areaId: string;
  /** Unset: computed (standard IP checksum, authentication field excluded; 0 for autype 2). */
  checksum?: number;
  /** 0 null, 1 simple password, 2 cryptographic. Unset: 0. */
  authType?: number;
  /** The 8-byte authentication field. Unset: zeros. */
  auth?: Uint8Array;
  /** Unset: computed from the body. */
  length?: number;
  body: OspfBody;
}

export interface LsaHeader {
  age: number;
  options: number;
  lsType: number;
  linkStateId: string;
  advertisingRouter: string;
  /** LS sequence number as a signed 32-bit value (0x80000001 is InitialSequenceNumber). */
  sequence: number;
  /** Unset: Fletcher checksum computed over the LSA (age excluded). */
  checksum?: number;
  /** Unset: computed. */
  length?: number;
}

export interface RouterLinkTos {
  tos: number;
  metric: number;
}

export interface RouterLink {
  linkId: string;
  linkData: string;
  type: number;
  metric: number;
  tos?: RouterLinkTos[];
}

export interface RouterLsaBody {
  kind: 'router';
  /** V / E / B bits (RouterLsaFlags). */
  flags: number;
  links: RouterLink[];
}

export interface NetworkLsaBody {
  kind: 'network';
  networkMask: string;
  attachedRouters: string[];
}

export interface SummaryLsaBody {
  kind: 'summary';
  networkMask: string;
  metric: number;
  /** Additional TOS metrics, each (tos << 24 | metric). Rare; kept for round trips. */
  tosMetrics?: number[];
}

/** Any LSA type this codec does not decode (e.g. type 5): the body bytes as they were. */
export interface RawLsaBody {
  kind: 'raw';
  bytes: Uint8Array;
}

export type LsaBody = RouterLsaBody | NetworkLsaBody | SummaryLsaBody | RawLsaBody;

export interface Lsa {
  header: LsaHeader;
  body: LsaBody;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/**
 * Writes a dotted quad. A plain split rather than bytes.ts's validating regex: OSPF emits many
 * addresses per packet (LSAs) and the simulation floods a lot of them; malformed text writes 0s.
 */
function writeIp(b: Uint8Array, o: number, ip: string): void {
  let part = 0;
  let k = 0;
  for (let i = 0; i < ip.length && k < 4; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      b[o + k++] = part & 0xff;
      part = 0;
    } else part = part * 10 + (c - 48);
  }
  if (k < 4) b[o + k] = part & 0xff;
}

const hex = (v: number, digits: number): string => hexValue(v >>> 0, digits);

// ---------------------------------------------------------------------------------------------
// Fletcher checksum (RFC 2328 §12.1.7, ISO 8473 Annex C / RFC 905 Annex B)

/** Offset of the LS checksum inside an LSA. */
const LSA_CHECKSUM_OFFSET = 16;

/**
 * The Fletcher checksum of one LSA as stored in `lsa` (header + body). The LS age (first two
 * bytes) is excluded, as the RFC says, so aging in the database never invalidates it. The two
 * checksum bytes are taken as zero.
 */
export function lsaFletcherChecksum(lsa: Uint8Array): number {
  const start = 2;
  const len = lsa.length - start;
  const pos = LSA_CHECKSUM_OFFSET - start; // checksum position inside the summed range
  let c0 = 0;
  let c1 = 0;
  for (let i = start; i < lsa.length; i++) {
    const byte = i === LSA_CHECKSUM_OFFSET || i === LSA_CHECKSUM_OFFSET + 1 ? 0 : lsa[i]!;
    c0 = (c0 + byte) % 255;
    c1 = (c1 + c0) % 255;
  }
  let x = ((len - pos - 1) * c0 - c1) % 255;
  if (x <= 0) x += 255;
  let y = 510 - c0 - x;
  if (y > 255) y -= 255;
  return (x << 8) | y;
}

/** True when the LSA's stored checksum verifies (both Fletcher sums are zero mod 255). */
export function lsaChecksumValid(lsa: Uint8Array): boolean {
  let c0 = 0;
  let c1 = 0;
  for (let i = 2; i < lsa.length; i++) {
    c0 = (c0 + lsa[i]!) % 255;
    c1 = (c1 + c0) % 255;
  }
  return c0 === 0 && c1 === 0 && u16(lsa, LSA_CHECKSUM_OFFSET) !== 0;
}

/** The OSPF packet checksum: IP checksum of the packet with the 8-byte auth field skipped. */
export function ospfPacketChecksum(packet: Uint8Array): number {
  // Header words before the checksum, the AuType word, then everything after the auth field.
  const head = onesComplementSum(packet, 0, F.CHECKSUM);
  const autype = onesComplementSum(packet, F.AUTYPE, F.AUTH, head);
  return internetChecksum(packet, OSPF_HEADER_LEN, packet.length, autype);
}

// ---------------------------------------------------------------------------------------------
// Lengths

function lsaBodyLength(body: LsaBody): number {
  switch (body.kind) {
    case 'router':
      return 4 + body.links.reduce((n, l) => n + 12 + 4 * (l.tos?.length ?? 0), 0);
    case 'network':
      return 4 + 4 * body.attachedRouters.length;
    case 'summary':
      return 8 + 4 * (body.tosMetrics?.length ?? 0);
    case 'raw':
      return body.bytes.length;
  }
}

export function lsaLength(lsa: Lsa): number {
  return LSA_HEADER_LEN + lsaBodyLength(lsa.body);
}

function bodyLength(body: OspfBody): number {
  switch (body.kind) {
    case 'hello':
      return HELLO_FIXED_LEN + 4 * body.neighbors.length;
    case 'dbd':
      return DBD_FIXED_LEN + LSA_HEADER_LEN * body.lsaHeaders.length;
    case 'lsr':
      return LSR_ENTRY_LEN * body.requests.length;
    case 'lsu':
      return 4 + body.lsas.reduce((n, l) => n + lsaLength(l), 0);
    case 'lsack':
      return LSA_HEADER_LEN * body.lsaHeaders.length;
  }
}

/** Bytes `emitOspf` writes for this packet. */
export function ospfLength(p: OspfPacket): number {
  return OSPF_HEADER_LEN + bodyLength(p.body);
}

const BODY_TYPE: Record<OspfBody['kind'], number> = { hello: 1, dbd: 2, lsr: 3, lsu: 4, lsack: 5 };

// ---------------------------------------------------------------------------------------------
// Emit

function emitLsaHeader(b: Uint8Array, o: number, h: LsaHeader, length: number): void {
  put16(b, o, h.age);
  b[o + 2] = h.options & 0xff;
  b[o + 3] = h.lsType & 0xff;
  writeIp(b, o + 4, h.linkStateId);
  writeIp(b, o + 8, h.advertisingRouter);
  put32(b, o + 12, h.sequence);
  put16(b, o + 16, h.checksum ?? 0);
  put16(b, o + 18, h.length ?? length);
}

/** Writes one LSA (header + body) at `o`, computing its length and Fletcher checksum when unset. */
function emitLsaAt(b: Uint8Array, o: number, lsa: Lsa): number {
  const len = lsaLength(lsa);
  emitLsaHeader(b, o, lsa.header, len);
  let p = o + LSA_HEADER_LEN;
  const body = lsa.body;
  switch (body.kind) {
    case 'router':
      b[p] = body.flags & 0xff;
      b[p + 1] = 0;
      put16(b, p + 2, body.links.length);
      p += 4;
      for (const l of body.links) {
        writeIp(b, p, l.linkId);
        writeIp(b, p + 4, l.linkData);
        b[p + 8] = l.type & 0xff;
        b[p + 9] = l.tos?.length ?? 0;
        put16(b, p + 10, l.metric);
        p += 12;
        for (const t of l.tos ?? []) {
          b[p] = t.tos & 0xff;
          b[p + 1] = 0;
          put16(b, p + 2, t.metric);
          p += 4;
        }
      }
      break;
    case 'network':
      writeIp(b, p, body.networkMask);
      p += 4;
      for (const r of body.attachedRouters) {
        writeIp(b, p, r);
        p += 4;
      }
      break;
    case 'summary':
      writeIp(b, p, body.networkMask);
      put32(b, p + 4, body.metric & 0xffffff); // TOS 0 in the top byte
      p += 8;
      for (const t of body.tosMetrics ?? []) {
        put32(b, p, t);
        p += 4;
      }
      break;
    case 'raw':
      b.set(body.bytes, p);
      break;
  }
  if (lsa.header.checksum === undefined) {
    put16(b, o + LSA_CHECKSUM_OFFSET, lsaFletcherChecksum(b.subarray(o, o + len)));
  }
  return o + len;
}

/** One LSA as bytes (what the LSDB stores and floods). */
export function emitLsa(lsa: Lsa): Uint8Array {
  const b = new Uint8Array(lsaLength(lsa));
  emitLsaAt(b, 0, lsa);
  return b;
}

export function emitOspf(p: OspfPacket): Uint8Array {
  const len = ospfLength(p);
  const b = new Uint8Array(len);
  b[F.VERSION] = p.version ?? OSPF_VERSION;
  b[F.TYPE] = BODY_TYPE[p.body.kind];
  put16(b, F.LENGTH, p.length ?? len);
  writeIp(b, F.ROUTER_ID, p.routerId);
  writeIp(b, F.AREA_ID, p.areaId);
  const authType = p.authType ?? 0;
  put16(b, F.AUTYPE, authType);
  if (p.auth) b.set(p.auth.subarray(0, 8), F.AUTH);
  let o = OSPF_HEADER_LEN;
  const body = p.body;
  switch (body.kind) {
    case 'hello':
      writeIp(b, o, body.networkMask);
      put16(b, o + 4, body.helloInterval);
      b[o + 6] = body.options & 0xff;
      b[o + 7] = body.priority & 0xff;
      put32(b, o + 8, body.deadInterval);
      writeIp(b, o + 12, body.designatedRouter);
      writeIp(b, o + 16, body.backupDesignatedRouter);
      o += HELLO_FIXED_LEN;
      for (const n of body.neighbors) {
        writeIp(b, o, n);
        o += 4;
      }
      break;
    case 'dbd':
      put16(b, o, body.interfaceMtu);
      b[o + 2] = body.options & 0xff;
      b[o + 3] = body.flags & 0x07;
      put32(b, o + 4, body.sequence);
      o += DBD_FIXED_LEN;
      for (const h of body.lsaHeaders) {
        emitLsaHeader(b, o, h, h.length ?? LSA_HEADER_LEN);
        o += LSA_HEADER_LEN;
      }
      break;
    case 'lsr':
      for (const r of body.requests) {
        put32(b, o, r.lsType);
        writeIp(b, o + 4, r.linkStateId);
        writeIp(b, o + 8, r.advertisingRouter);
        o += LSR_ENTRY_LEN;
      }
      break;
    case 'lsu':
      put32(b, o, body.lsas.length);
      o += 4;
      for (const l of body.lsas) o = emitLsaAt(b, o, l);
      break;
    case 'lsack':
      for (const h of body.lsaHeaders) {
        emitLsaHeader(b, o, h, h.length ?? LSA_HEADER_LEN);
        o += LSA_HEADER_LEN;
      }
      break;
  }
  // RFC 2328 D.4.3: with cryptographic authentication the checksum is not computed.
  const checksum = p.checksum ?? (authType === 2 ? 0 : ospfPacketChecksum(b));
  put16(b, F.CHECKSUM, checksum);
  return b;
}

/**
 * An LS Update built from LSAs already in wire form (what an LSDB stores), each with the LS age
 * to send: the fast path for flooding, byte-identical to emitOspf with the parsed LSAs.
 */
export function emitLsuFromBytes(routerId: string, areaId: string, lsas: ReadonlyArray<{ bytes: Uint8Array; age: number }>): Uint8Array {
  let len = OSPF_HEADER_LEN + 4;
  for (const l of lsas) len += l.bytes.length;
  const b = new Uint8Array(len);
  b[F.VERSION] = OSPF_VERSION;
  b[F.TYPE] = OspfType.LinkStateUpdate;
  put16(b, F.LENGTH, len);
  writeIp(b, F.ROUTER_ID, routerId);
  writeIp(b, F.AREA_ID, areaId);
  put32(b, OSPF_HEADER_LEN, lsas.length);
  let o = OSPF_HEADER_LEN + 4;
  for (const l of lsas) {
    b.set(l.bytes, o);
    put16(b, o, l.age); // the age is outside the Fletcher checksum
    o += l.bytes.length;
  }
  put16(b, F.CHECKSUM, ospfPacketChecksum(b));
  return b;
}

/** Where each LSA of an LS Update lies (absolute ranges), for checksum checks and storage. Empty if not an LSU. */
export function lsuLsaRanges(bytes: Uint8Array): ByteRange[] {
  if (bytes.length < OSPF_HEADER_LEN + 4 || bytes[F.TYPE] !== OspfType.LinkStateUpdate) return [];
  const end = Math.min(bytes.length, u16(bytes, F.LENGTH));
  const count = u32(bytes, OSPF_HEADER_LEN);
  const out: ByteRange[] = [];
  let o = OSPF_HEADER_LEN + 4;
  for (let i = 0; i < count && o + LSA_HEADER_LEN <= end; i++) {
    const len = u16(bytes, o + 18);
    if (len < LSA_HEADER_LEN || o + len > end) break;
    out.push({ offset: o, length: len });
    o += len;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parse

/** The 20-byte LSA header at `o` (the caller checks that 20 bytes are there). */
export function parseLsaHeader(b: Uint8Array, o: number): LsaHeader {
  return {
    age: u16(b, o),
    options: b[o + 2]!,
    lsType: b[o + 3]!,
    linkStateId: readIp(b, o + 4),
    advertisingRouter: readIp(b, o + 8),
    sequence: u32(b, o + 12) | 0,
    checksum: u16(b, o + 16),
    length: u16(b, o + 18),
  };
}

/** Parses one LSA occupying exactly b[o, o+len). */
function parseLsaBody(b: Uint8Array, o: number, end: number, lsType: number): ParseResult<LsaBody> {
  const n = end - o;
  switch (lsType) {
    case LsaType.Router: {
      if (n < 4) return fail('router-LSA body shorter than 4 bytes');
      const count = u16(b, o + 2);
      const links: RouterLink[] = [];
      let p = o + 4;
      for (let i = 0; i < count; i++) {
        if (p + 12 > end) return fail(`router-LSA link ${i + 1} of ${count} truncated`);
        const tosCount = b[p + 9]!;
        const link: RouterLink = {
          linkId: readIp(b, p),
          linkData: readIp(b, p + 4),
          type: b[p + 8]!,
          metric: u16(b, p + 10),
        };
        p += 12;
        if (p + 4 * tosCount > end) return fail(`router-LSA link ${i + 1} TOS metrics truncated`);
        if (tosCount > 0) {
          link.tos = [];
          for (let t = 0; t < tosCount; t++, p += 4) link.tos.push({ tos: b[p]!, metric: u16(b, p + 2) });
        }
        links.push(link);
      }
      if (p !== end) return fail(`router-LSA has ${end - p} bytes after its ${count} links`);
      return ok({ kind: 'router', flags: b[o]!, links });
    }
    case LsaType.Network: {
      if (n < 4 || n % 4 !== 0) return fail('network-LSA body length is not 4 + 4n bytes');
      const attachedRouters: string[] = [];
      for (let p = o + 4; p < end; p += 4) attachedRouters.push(readIp(b, p));
      return ok({ kind: 'network', networkMask: readIp(b, o), attachedRouters });
    }
    case LsaType.SummaryNetwork:
    case LsaType.SummaryAsbr: {
      if (n < 8 || n % 4 !== 0) return fail('summary-LSA body length is not 8 + 4n bytes');
      const body: SummaryLsaBody = { kind: 'summary', networkMask: readIp(b, o), metric: u32(b, o + 4) & 0xffffff };
      if (u32(b, o + 4) >>> 24 !== 0) return fail('summary-LSA first metric is not TOS 0');
      if (n > 8) {
        body.tosMetrics = [];
        for (let p = o + 8; p < end; p += 4) body.tosMetrics.push(u32(b, p));
      }
      return ok(body);
    }
    default:
      return ok({ kind: 'raw', bytes: b.slice(o, end) });
  }
}

/** Parses one LSA starting at `o` (bounded by `end`); returns it and where the next begins. */
export function parseLsaAt(b: Uint8Array, o: number, end: number): ParseResult<{ lsa: Lsa; next: number }> {
  if (o + LSA_HEADER_LEN > end) return fail('LSA header truncated');
  const header = parseLsaHeader(b, o);
  const len = header.length!;
  if (len < LSA_HEADER_LEN) return fail(`LSA length ${len} shorter than its 20-byte header`);
  if (o + len > end) return fail(`LSA length ${len} runs past the end of the packet`);
  const body = parseLsaBody(b, o + LSA_HEADER_LEN, o + len, header.lsType);
  if (!body.ok) return body;
  return ok({ lsa: { header, body: body.value }, next: o + len });
}

export function parseLsa(bytes: Uint8Array): ParseResult<Lsa> {
  const r = parseLsaAt(bytes, 0, bytes.length);
  if (!r.ok) return r;
  if (r.value.next !== bytes.length) return fail('bytes after the LSA');
  return ok(r.value.lsa);
}

export interface OspfHeaderInfo {
  type: number;
  length: number;
  routerId: string;
  areaId: string;
  authType: number;
}

/** Just the common header, checked (version, length): a receiver's fast path before the body. */
export function parseOspfHeader(bytes: Uint8Array): ParseResult<OspfHeaderInfo> {
  if (bytes.length < OSPF_HEADER_LEN) return fail(`OSPF packet of ${bytes.length} bytes is shorter than the 24-byte header`);
  if (bytes[F.VERSION] !== OSPF_VERSION) return fail(`OSPF version ${bytes[F.VERSION]}, expected 2`);
  const length = u16(bytes, F.LENGTH);
  if (length < OSPF_HEADER_LEN || length > bytes.length) return fail(`OSPF length ${length} does not fit the ${bytes.length} bytes received`);
  return ok({ type: bytes[F.TYPE]!, length, routerId: readIp(bytes, F.ROUTER_ID), areaId: readIp(bytes, F.AREA_ID), authType: u16(bytes, F.AUTYPE) });
}

/**
 * Parses an OSPF packet (the IP payload). Bytes beyond the header's length (a cryptographic
 * digest, link padding) are ignored, as a router does. The packet checksum is not verified here:
 * use `ospfChecksumValid` so a receiver can count and explain the bad ones.
 */
export function parseOspf(bytes: Uint8Array): ParseResult<OspfPacket> {
  if (bytes.length < OSPF_HEADER_LEN) return fail(`OSPF packet of ${bytes.length} bytes is shorter than the 24-byte header`);
  const version = bytes[F.VERSION]!;
  if (version !== OSPF_VERSION) return fail(`OSPF version ${version}, expected 2`);
  const type = bytes[F.TYPE]!;
  const length = u16(bytes, F.LENGTH);
  if (length < OSPF_HEADER_LEN) return fail(`OSPF length ${length} shorter than the header`);
  if (length > bytes.length) return fail(`OSPF length ${length} exceeds the ${bytes.length} bytes received`);
  const b = bytes;
  const end = length;
  let o = OSPF_HEADER_LEN;
  let body: OspfBody;
  switch (type) {
    case OspfType.Hello: {
      if (end - o < HELLO_FIXED_LEN || (end - o - HELLO_FIXED_LEN) % 4 !== 0) return fail('hello body length is not 20 + 4n bytes');
      const neighbors: string[] = [];
      for (let p = o + HELLO_FIXED_LEN; p < end; p += 4) neighbors.push(readIp(b, p));
      body = {
        kind: 'hello',
        networkMask: readIp(b, o),
        helloInterval: u16(b, o + 4),
        options: b[o + 6]!,
        priority: b[o + 7]!,
        deadInterval: u32(b, o + 8),
        designatedRouter: readIp(b, o + 12),
        backupDesignatedRouter: readIp(b, o + 16),
        neighbors,
      };
      break;
    }
    case OspfType.DatabaseDescription: {
      if (end - o < DBD_FIXED_LEN || (end - o - DBD_FIXED_LEN) % LSA_HEADER_LEN !== 0) return fail('DBD body length is not 8 + 20n bytes');
      const lsaHeaders: LsaHeader[] = [];
      for (let p = o + DBD_FIXED_LEN; p < end; p += LSA_HEADER_LEN) lsaHeaders.push(parseLsaHeader(b, p));
      body = { kind: 'dbd', interfaceMtu: u16(b, o), options: b[o + 2]!, flags: b[o + 3]! & 0x07, sequence: u32(b, o + 4), lsaHeaders };
      if ((b[o + 3]! & 0xf8) !== 0) return fail('DBD reserved flag bits set');
      break;
    }
    case OspfType.LinkStateRequest: {
      if ((end - o) % LSR_ENTRY_LEN !== 0) return fail('LS request body length is not a multiple of 12');
      const requests: LsaRequest[] = [];
      for (let p = o; p < end; p += LSR_ENTRY_LEN) {
        requests.push({ lsType: u32(b, p), linkStateId: readIp(b, p + 4), advertisingRouter: readIp(b, p + 8) });
      }
      body = { kind: 'lsr', requests };
      break;
    }
    case OspfType.LinkStateUpdate: {
      if (end - o < 4) return fail('LS update without its LSA count');
      const count = u32(b, o);
      o += 4;
      const lsas: Lsa[] = [];
      for (let i = 0; i < count; i++) {
        const r = parseLsaAt(b, o, end);
        if (!r.ok) return fail(`LS update, LSA ${i + 1} of ${count}: ${r.error}`);
        lsas.push(r.value.lsa);
        o = r.value.next;
      }
      if (o !== end) return fail(`LS update has ${end - o} bytes after its ${count} LSAs`);
      body = { kind: 'lsu', lsas };
      break;
    }
    case OspfType.LinkStateAck: {
      if ((end - o) % LSA_HEADER_LEN !== 0) return fail('LS acknowledge body length is not a multiple of 20');
      const lsaHeaders: LsaHeader[] = [];
      for (let p = o; p < end; p += LSA_HEADER_LEN) lsaHeaders.push(parseLsaHeader(b, p));
      body = { kind: 'lsack', lsaHeaders };
      break;
    }
    default:
      return fail(`unknown OSPF packet type ${type}`);
  }
  return ok({
    version,
    routerId: readIp(b, F.ROUTER_ID),
    areaId: readIp(b, F.AREA_ID),
    checksum: u16(b, F.CHECKSUM),
    authType: u16(b, F.AUTYPE),
    auth: b.slice(F.AUTH, F.AUTH + 8),
    length,
    body,
  });
}

/** True when the packet checksum verifies (always true for cryptographic authentication). */
export function ospfChecksumValid(bytes: Uint8Array): boolean {
  if (bytes.length < OSPF_HEADER_LEN) return false;
  if (u16(bytes, F.AUTYPE) === 2) return true;
  const len = Math.min(u16(bytes, F.LENGTH), bytes.length);
  return ospfPacketChecksum(bytes.subarray(0, len)) === u16(bytes, F.CHECKSUM);
}

// ---------------------------------------------------------------------------------------------
// Dissect

function lsaHeaderFields(b: Uint8Array, o: number): DissectField[] {
  const h = parseLsaHeader(b, o);
  return [
    { name: 'LS Age (seconds)', value: String(h.age), offset: o, length: 2 },
    { name: 'Options', value: hex(h.options, 2), offset: o + 2, length: 1 },
    { name: 'LS Type', value: `${LSA_TYPE_NAMES[h.lsType] ?? 'Unknown'} (${h.lsType})`, offset: o + 3, length: 1 },
    { name: 'Link State ID', value: h.linkStateId, offset: o + 4, length: 4 },
    { name: 'Advertising Router', value: h.advertisingRouter, offset: o + 8, length: 4 },
    { name: 'Sequence Number', value: hex(h.sequence, 8), offset: o + 12, length: 4 },
    { name: 'Checksum', value: hex(h.checksum!, 4), offset: o + 16, length: 2 },
    { name: 'Length', value: String(h.length), offset: o + 18, length: 2 },
  ];
}

function lsaTitle(b: Uint8Array, o: number): string {
  const h = parseLsaHeader(b, o);
  return `LSA-type ${h.lsType} (${LSA_TYPE_NAMES[h.lsType] ?? 'Unknown'}), len ${h.length}`;
}

function lsaBodyFields(b: Uint8Array, o: number, lsa: Lsa): DissectField[] {
  const fields: DissectField[] = [];
  let p = o + LSA_HEADER_LEN;
  const body = lsa.body;
  switch (body.kind) {
    case 'router':
      fields.push({ name: 'Flags', value: hex(body.flags, 2), offset: p, length: 1 });
      fields.push({ name: 'Number of Links', value: String(body.links.length), offset: p + 2, length: 2 });
      p += 4;
      for (const l of body.links) {
        const names = ['', 'Point-to-point', 'Transit', 'Stub', 'Virtual-Link'];
        const len = 12 + 4 * (l.tos?.length ?? 0);
        fields.push({
          name: `Type: ${names[l.type] ?? 'Unknown'}`,
          value: `ID: ${l.linkId}, Data: ${l.linkData}, Metric: ${l.metric}`,
          offset: p,
          length: len,
          children: [
            { name: 'Link ID', value: l.linkId, offset: p, length: 4 },
            { name: 'Link Data', value: l.linkData, offset: p + 4, length: 4 },
            { name: 'Link Type', value: `${names[l.type] ?? 'Unknown'} (${l.type})`, offset: p + 8, length: 1 },
            { name: 'Number of Metrics', value: String(l.tos?.length ?? 0), offset: p + 9, length: 1 },
            { name: '0 Metric', value: String(l.metric), offset: p + 10, length: 2 },
          ],
        });
        p += len;
      }
      break;
    case 'network':
      fields.push({ name: 'Netmask', value: body.networkMask, offset: p, length: 4 });
      body.attachedRouters.forEach((r, i) => fields.push({ name: 'Attached Router', value: r, offset: p + 4 + 4 * i, length: 4 }));
      break;
    case 'summary':
      fields.push({ name: 'Netmask', value: body.networkMask, offset: p, length: 4 });
      fields.push({ name: 'Metric', value: String(body.metric), offset: p + 5, length: 3 });
      break;
    case 'raw':
      if (body.bytes.length) fields.push({ name: 'Data', value: `${body.bytes.length} bytes`, offset: p, length: body.bytes.length });
      break;
  }
  return fields;
}

/** Dissector for an OSPF packet occupying buf[offset, end). Never throws. */
export function dissectOspf(buf: Uint8Array, offset: number, end: number): DissectStep {
  const bytes = buf.subarray(offset, end);
  const parsed = parseOspf(bytes);
  const o = offset;
  const fields: DissectField[] = [];
  const available = end - offset;
  if (available >= OSPF_HEADER_LEN) {
    const type = bytes[F.TYPE]!;
    fields.push(
      {
        name: 'OSPF Header',
        value: '',
        offset: o,
        length: OSPF_HEADER_LEN,
        children: [
          { name: 'Version', value: String(bytes[F.VERSION]), offset: o, length: 1 },
          { name: 'Message Type', value: `${TYPE_NAMES[type] ?? 'Unknown'} (${type})`, offset: o + 1, length: 1 },
          { name: 'Packet Length', value: String(u16(bytes, F.LENGTH)), offset: o + 2, length: 2 },
          { name: 'Source OSPF Router', value: readIp(bytes, F.ROUTER_ID), offset: o + 4, length: 4 },
          { name: 'Area ID', value: readIp(bytes, F.AREA_ID), offset: o + 8, length: 4 },
          {
            name: 'Checksum',
            value: hex(u16(bytes, F.CHECKSUM), 4) + (ospfChecksumValid(bytes) ? ' [correct]' : ' [incorrect]'),
            offset: o + 12,
            length: 2,
          },
          { name: 'Auth Type', value: ['Null', 'Simple password', 'Cryptographic'][u16(bytes, F.AUTYPE)] ?? 'Unknown', offset: o + 14, length: 2 },
          { name: 'Auth Data', value: Array.from(bytes.subarray(F.AUTH, F.AUTH + 8), (x) => x.toString(16).padStart(2, '0')).join(''), offset: o + 16, length: 8 },
        ],
      },
    );
  }
  if (!parsed.ok) {
    return {
      layer: { protocol: 'ospf', title: 'Open Shortest Path First', offset, length: available, fields, problem: parsed.error },
    };
  }
  const p = parsed.value;
  const body = p.body;
  let q = o + OSPF_HEADER_LEN;
  const bodyFields: DissectField[] = [];
  switch (body.kind) {
    case 'hello':
      bodyFields.push(
        { name: 'Network Mask', value: body.networkMask, offset: q, length: 4 },
        { name: 'Hello Interval [sec]', value: String(body.helloInterval), offset: q + 4, length: 2 },
        { name: 'Options', value: hex(body.options, 2), offset: q + 6, length: 1 },
        { name: 'Router Priority', value: String(body.priority), offset: q + 7, length: 1 },
        { name: 'Router Dead Interval [sec]', value: String(body.deadInterval), offset: q + 8, length: 4 },
        { name: 'Designated Router', value: body.designatedRouter, offset: q + 12, length: 4 },
        { name: 'Backup Designated Router', value: body.backupDesignatedRouter, offset: q + 16, length: 4 },
        ...body.neighbors.map((n, i) => ({ name: 'Active Neighbor', value: n, offset: q + 20 + 4 * i, length: 4 })),
      );
      break;
    case 'dbd': {
      const flagNames = [body.flags & 4 ? 'I' : '', body.flags & 2 ? 'M' : '', body.flags & 1 ? 'MS' : ''].filter(Boolean).join(', ');
      bodyFields.push(
        { name: 'Interface MTU', value: String(body.interfaceMtu), offset: q, length: 2 },
        { name: 'Options', value: hex(body.options, 2), offset: q + 2, length: 1 },
        { name: 'DB Description', value: `${hex(body.flags, 2)}${flagNames ? ` (${flagNames})` : ''}`, offset: q + 3, length: 1 },
        { name: 'DD Sequence', value: String(body.sequence), offset: q + 4, length: 4 },
      );
      body.lsaHeaders.forEach((_, i) => {
        const at = q + DBD_FIXED_LEN + LSA_HEADER_LEN * i;
        bodyFields.push({ name: lsaTitle(buf, at), value: '', offset: at, length: LSA_HEADER_LEN, children: lsaHeaderFields(buf, at) });
      });
      break;
    }
    case 'lsr':
      body.requests.forEach((r, i) => {
        const at = q + LSR_ENTRY_LEN * i;
        bodyFields.push({
          name: 'Link State Request',
          value: `${LSA_TYPE_NAMES[r.lsType] ?? r.lsType} ${r.linkStateId} ${r.advertisingRouter}`,
          offset: at,
          length: LSR_ENTRY_LEN,
          children: [
            { name: 'LS Type', value: `${LSA_TYPE_NAMES[r.lsType] ?? 'Unknown'} (${r.lsType})`, offset: at, length: 4 },
            { name: 'Link State ID', value: r.linkStateId, offset: at + 4, length: 4 },
            { name: 'Advertising Router', value: r.advertisingRouter, offset: at + 8, length: 4 },
          ],
        });
      });
      break;
    case 'lsu':
      bodyFields.push({ name: 'Number of LSAs', value: String(body.lsas.length), offset: q, length: 4 });
      q += 4;
      for (const l of body.lsas) {
        const len = l.header.length!;
        bodyFields.push({ name: lsaTitle(buf, q), value: '', offset: q, length: len, children: [...lsaHeaderFields(buf, q), ...lsaBodyFields(buf, q, l)] });
        q += len;
      }
      break;
    case 'lsack':
      body.lsaHeaders.forEach((_, i) => {
        const at = q + LSA_HEADER_LEN * i;
        bodyFields.push({ name: lsaTitle(buf, at), value: '', offset: at, length: LSA_HEADER_LEN, children: lsaHeaderFields(buf, at) });
      });
      break;
  }
  const typeName = TYPE_NAMES[BODY_TYPE[body.kind]]!;
  fields.push({ name: `OSPF ${typeName}`, value: '', offset: o + OSPF_HEADER_LEN, length: p.length! - OSPF_HEADER_LEN, children: bodyFields });
  const layer = { protocol: 'ospf', title: `Open Shortest Path First, ${typeName}`, offset, length: p.length!, fields };
  return ospfChecksumValid(bytes) ? { layer } : { layer: { ...layer, problem: 'bad OSPF checksum' } };
}
