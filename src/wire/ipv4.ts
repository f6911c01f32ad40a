// IPv4 header (RFC 791).
//   0 ver|ihl  1 tos  2 total length  4 id  6 flags|fragment offset  8 ttl  9 protocol
//   10 header checksum  12 src  16 dst  20 options (ihl > 5)  ihl*4 payload
// Build with emitIpv4(fields, payload): any field left unset is computed (scapy style) --
// total length, IHL and checksum from the bytes, the rest from plain defaults.
import { checksumVerifies, internetChecksum, updateChecksum } from './checksum';
import { checksumText, field, hexValue, problemStep, put16, readIpv4, u16, u8, writeIpv4 } from './bytes';
import { fail, ok, type Dissector, type DissectLayer, type ParseResult } from './layer';

// Address helpers live in bytes.ts (shared by every codec); re-exported here where one looks first.
export { ipToNumber, isIpv4Address, numberToIp, parseIpv4Address } from './bytes';

export const IPV4_HEADER_LEN = 20;
export const IPV4_MAX_LEN = 65535;

export const IpProtocol = { ICMP: 1, IPIP: 4, TCP: 6, UDP: 17, GRE: 47, ESP: 50, AH: 51, OSPF: 89 } as const;

// Wireshark's names, so the inspector reads like the capture.
const PROTOCOL_NAMES: Record<number, string> = {
  1: 'ICMP', 4: 'IPIP', 6: 'TCP', 17: 'UDP', 47: 'Generic Routing Encapsulation', 50: 'Encap Security Payload', 51: 'Authentication Header', 89: 'OSPF IGP',
};

export const ipProtocolText = (p: number): string => (PROTOCOL_NAMES[p] ? `${PROTOCOL_NAMES[p]} (${p})` : `${p}`);

export interface Ipv4Header {
  version: number;
  /** Header length in 32-bit words (5 without options). */
  ihl: number;
  /** The whole second byte: DSCP (6 bits) and ECN (2 bits). */
  tos: number;
  totalLength: number;
  id: number;
  df: boolean;
  mf: boolean;
  /** In 8-byte units, as on the wire (scapy's `frag`). */
  fragmentOffset: number;
  ttl: number;
  protocol: number;
  checksum: number;
  src: string;
  dst: string;
  /** Raw option bytes (IHL*4 - 20 of them). */
  options: Uint8Array;
}

export interface Ipv4Packet extends Ipv4Header {
  payload: Uint8Array;
}

/** What emitIpv4 needs: addresses and protocol; everything else optional (unset = computed/default). */
export type Ipv4Fields = Pick<Ipv4Header, 'src' | 'dst' | 'protocol'> & Partial<Omit<Ipv4Header, 'src' | 'dst' | 'protocol'>>;

export const IPV4_DEFAULT_TTL = 255;

/**
 * Prepends an IPv4 header to `payload`. Defaults: TTL 255 (IOS originates with 255), id 0,
 * DF/MF clear, tos 0. Options are zero-padded to a 4-byte boundary.
 */
export function emitIpv4(f: Ipv4Fields, payload: Uint8Array): Uint8Array {
  const options = f.options ?? new Uint8Array(0);
  const optLen = (options.length + 3) & ~3;
  const hdrLen = IPV4_HEADER_LEN + optLen;
  const out = new Uint8Array(hdrLen + payload.length);
  out[0] = (((f.version ?? 4) & 0xf) << 4) | ((f.ihl ?? hdrLen / 4) & 0xf);
  out[1] = (f.tos ?? 0) & 0xff;
  put16(out, 2, f.totalLength ?? out.length);
  put16(out, 4, f.id ?? 0);
  put16(out, 6, (f.df ? 0x4000 : 0) | (f.mf ? 0x2000 : 0) | ((f.fragmentOffset ?? 0) & 0x1fff));
  out[8] = (f.ttl ?? IPV4_DEFAULT_TTL) & 0xff;
  out[9] = f.protocol & 0xff;
  writeAddress(out, 12, f.src);
  writeAddress(out, 16, f.dst);
  out.set(options, IPV4_HEADER_LEN);
  put16(out, 10, f.checksum ?? internetChecksum(out, 0, hdrLen));
  out.set(payload, hdrLen);
  return out;
}

export interface Ipv4ParseOptions {
  /** Refuse a packet whose header checksum is wrong (default true, as a router does). */
  verifyChecksum?: boolean;
}

// Every hop parses every packet, and a lab has few addresses: remember each address's dotted
// text by its 32-bit value instead of building the string again (a Map lookup is far cheaper).
// Bounded, so a fuzzer or a scan over many addresses cannot grow it without limit.
const NO_OPTIONS = new Uint8Array(0);
const ADDRESS_TEXT = new Map<number, string>();
const ADDRESS_TEXT_MAX = 4096;

function addressText(buf: Uint8Array, at: number): string {
  const n = ((buf[at]! << 24) | (buf[at + 1]! << 16) | (buf[at + 2]! << 8) | buf[at + 3]!) >>> 0;
  let text = ADDRESS_TEXT.get(n);
  if (text === undefined) {
    if (ADDRESS_TEXT.size >= ADDRESS_TEXT_MAX) ADDRESS_TEXT.clear();
    text = readIpv4(buf, at);
    ADDRESS_TEXT.set(n, text);
  }
  return text;
}

// The same in the other direction, for emitIpv4: text to its 32-bit value. Only text that
// writeIpv4 accepted is remembered, so bad text still throws its RangeError every time.
const ADDRESS_VALUE = new Map<string, number>();

function writeAddress(out: Uint8Array, at: number, text: string): void {
  const n = ADDRESS_VALUE.get(text);
  if (n === undefined) {
    writeIpv4(out, at, text);
    if (ADDRESS_VALUE.size >= ADDRESS_TEXT_MAX) ADDRESS_VALUE.clear();
    ADDRESS_VALUE.set(text, ((out[at]! << 24) | (out[at + 1]! << 16) | (out[at + 2]! << 8) | out[at + 3]!) >>> 0);
    return;
  }
  out[at] = n >>> 24;
  out[at + 1] = n >>> 16;
  out[at + 2] = n >>> 8;
  out[at + 3] = n;
}

/** Bytes past total length (Ethernet padding) are ignored. */
export function parseIpv4(buf: Uint8Array, opts: Ipv4ParseOptions = {}): ParseResult<Ipv4Packet> {
  const problem = ipv4Problem(buf, 0, buf.length);
  if (problem) return fail(`IPv4: ${problem}`);
  const ihl = u8(buf, 0) & 0xf;
  if ((opts.verifyChecksum ?? true) && !checksumVerifies(buf, 0, ihl * 4)) return fail('IPv4: bad header checksum');
  const frag = u16(buf, 6);
  const totalLength = u16(buf, 2);
  return ok({
    version: 4,
    ihl,
    tos: u8(buf, 1),
    totalLength,
    id: u16(buf, 4),
    df: (frag & 0x4000) !== 0,
    mf: (frag & 0x2000) !== 0,
    fragmentOffset: frag & 0x1fff,
    ttl: u8(buf, 8),
    protocol: u8(buf, 9),
    checksum: u16(buf, 10),
    src: addressText(buf, 12),
    dst: addressText(buf, 16),
    // Almost every packet has no options: share one empty array rather than allocate one per parse.
    options: ihl === 5 ? NO_OPTIONS : buf.slice(IPV4_HEADER_LEN, ihl * 4),
    payload: buf.subarray(ihl * 4, totalLength),
  });
}

/** Why bytes [offset, end) are not an IPv4 packet, or undefined when the header is sound. */
function ipv4Problem(buf: Uint8Array, offset: number, end: number): string | undefined {
  const avail = end - offset;
  if (avail < IPV4_HEADER_LEN) return `truncated (${avail} of ${IPV4_HEADER_LEN} header bytes)`;
  const version = u8(buf, offset) >> 4;
  if (version !== 4) return `version ${version}, not 4`;
  const hdrLen = (u8(buf, offset) & 0xf) * 4;
  if (hdrLen < IPV4_HEADER_LEN) return `header length ${hdrLen} is below 20`;
  if (hdrLen > avail) return `truncated options (header length ${hdrLen}, ${avail} bytes)`;
  const total = u16(buf, offset + 2);
  if (total < hdrLen) return `total length ${total} is below header length ${hdrLen}`;
  if (total > avail) return `truncated (total length ${total}, ${avail} bytes)`;
  return undefined;
}

/** True for any piece of a fragmented datagram (MF set or a non-zero offset). */
export const isFragment = (p: Pick<Ipv4Header, 'mf' | 'fragmentOffset'>): boolean => p.mf || p.fragmentOffset !== 0;

/**
 * A forwarding copy: TTL minus one, checksum updated incrementally (RFC 1624). Call only on a
 * packet that parsed and whose TTL is above 1 (a router sends time exceeded otherwise).
 */
export function decrementTtl(packet: Uint8Array): Uint8Array {
  const out = packet.slice();
  const oldWord = u16(out, 8);
  out[8] = (u8(out, 8) - 1) & 0xff;
  put16(out, 10, updateChecksum(u16(out, 10), oldWord, u16(out, 8)));
  return out;
}

// ---- dissect ---------------------------------------------------------------------------------

const ECN = ['Not-ECT', 'ECT(1)', 'ECT(0)', 'CE'];
const ECN_LONG = ['Not ECN-Capable Transport', "ECN-Capable Transport codepoint '01'", "ECN-Capable Transport codepoint '10'", 'Congestion Experienced'];
const dscpText = (dscp: number): string => (dscp % 8 === 0 ? `CS${dscp / 8}` : dscp === 46 ? 'EF' : `${dscp}`);
const set = (b: boolean) => (b ? 'Set' : 'Not set');

export const dissectIpv4: Dissector = (buf, offset, end) => {
  const title = 'Internet Protocol Version 4';
  const avail = end - offset;
  if (avail < IPV4_HEADER_LEN || u8(buf, offset) >> 4 !== 4 || (u8(buf, offset) & 0xf) < 5 || (u8(buf, offset) & 0xf) * 4 > avail)
    return problemStep('ipv4', title, offset, end, ipv4Problem(buf, offset, end) ?? 'bad header');
  const ihl = u8(buf, offset) & 0xf;
  const hdrLen = ihl * 4;
  const tos = u8(buf, offset + 1);
  const total = u16(buf, offset + 2);
  const id = u16(buf, offset + 4);
  const flagWord = u16(buf, offset + 6);
  const df = (flagWord & 0x4000) !== 0;
  const mf = (flagWord & 0x2000) !== 0;
  const fragOff = flagWord & 0x1fff;
  const protocol = u8(buf, offset + 9);
  const checksum = u16(buf, offset + 10);
  const good = checksumVerifies(buf, offset, offset + hdrLen);
  const src = readIpv4(buf, offset + 12);
  const dst = readIpv4(buf, offset + 16);
  const flagNames = [flagWord & 0x8000 ? 'Reserved bit' : '', df ? "Don't fragment" : '', mf ? 'More fragments' : ''].filter(Boolean);
  const fields = [
    field('Version', '4', offset, 1, { bitOffset: 0, bitWidth: 4 }),
    field('Header Length', `${hdrLen} bytes (${ihl})`, offset, 1, { bitOffset: 4, bitWidth: 4 }),
    field('Differentiated Services Field', `${hexValue(tos, 2)} (DSCP: ${dscpText(tos >> 2)}, ECN: ${ECN[tos & 3]})`, offset + 1, 1, undefined, [
      field('Differentiated Services Codepoint', `${tos >> 2 === 0 ? 'Default' : dscpText(tos >> 2)} (${tos >> 2})`, offset + 1, 1, { bitOffset: 0, bitWidth: 6 }),
      field('Explicit Congestion Notification', `${ECN_LONG[tos & 3]} (${tos & 3})`, offset + 1, 1, { bitOffset: 6, bitWidth: 2 }),
    ]),
    field('Total Length', `${total}`, offset + 2, 2),
    field('Identification', `${hexValue(id, 4)} (${id})`, offset + 4, 2),
    field('Flags', `${hexValue(flagWord >> 13, 1)}${flagNames.length ? `, ${flagNames.join(', ')}` : ''}`, offset + 6, 1, { bitOffset: 0, bitWidth: 3 }, [
      field('Reserved bit', set((flagWord & 0x8000) !== 0), offset + 6, 1, { bitOffset: 0, bitWidth: 1 }),
      field("Don't fragment", set(df), offset + 6, 1, { bitOffset: 1, bitWidth: 1 }),
      field('More fragments', set(mf), offset + 6, 1, { bitOffset: 2, bitWidth: 1 }),
    ]),
    field('Fragment Offset', `${fragOff * 8}`, offset + 6, 2, { bitOffset: 3, bitWidth: 13 }),
    field('Time to Live', `${u8(buf, offset + 8)}`, offset + 8, 1),
    field('Protocol', ipProtocolText(protocol), offset + 9, 1),
    field('Header Checksum', checksumText(checksum, good), offset + 10, 2),
    field('Source Address', src, offset + 12, 4),
    field('Destination Address', dst, offset + 16, 4),
  ];
  if (hdrLen > IPV4_HEADER_LEN) fields.push(field('Options', `(${hdrLen - IPV4_HEADER_LEN} bytes)`, offset + 20, hdrLen - 20));
  const layer: DissectLayer = { protocol: 'ipv4', title: `${title}, Src: ${src}, Dst: ${dst}`, offset, length: hdrLen, fields };
  const problems: string[] = [];
  if (!good) problems.push('Bad header checksum');
  if (total < hdrLen) problems.push(`Total length ${total} is below header length ${hdrLen}`);
  else if (total > avail) problems.push(`Truncated: total length ${total}, ${avail} bytes captured`);
  if (problems.length) layer.problem = problems.join('; ');
  if (total < hdrLen) return { layer };
  const payload = { offset: offset + hdrLen, length: Math.min(total, avail) - hdrLen };
  // A fragment's payload is not a whole upper-layer packet: show it as data, as Wireshark does
  // before reassembly.
  if (mf || fragOff !== 0) return { layer, payload };
  return { layer, payload, bindKeys: [protocol] };
};

/**
 * The IPv4 packet quoted inside an ICMP error: a header plus 8 bytes, so its total length is
 * larger than what is there. That is expected, not a problem; the 8 bytes are shown as data.
 */
export const dissectIpv4Quote: Dissector = (buf, offset, end) => {
  const step = dissectIpv4(buf, offset, end);
  const { layer } = step;
  if (!step.payload) return step;
  const problems = (layer.problem ?? '').split('; ').filter((p) => p && !p.startsWith('Truncated'));
  const quoted: DissectLayer = { ...layer, title: layer.title.replace('Internet Protocol', 'Quoted Internet Protocol') };
  if (problems.length) quoted.problem = problems.join('; ');
  else delete quoted.problem;
  return { layer: quoted, payload: step.payload };
};
