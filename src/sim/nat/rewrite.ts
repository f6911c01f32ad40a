// Byte-level NAT rewrites of an IPv4 packet: addresses, TCP/UDP ports, ICMP echo identifiers,
// and the packet embedded in an ICMP error. Every checksum that covers a changed 16-bit word is
// fixed incrementally (RFC 1624 eqn. 3), so the result equals a full recomputation byte for byte
// and a non-first fragment (whose transport checksum covers bytes we never see) stays right.
import { updateChecksum } from '../../wire/checksum';
import { IpProtocol } from '../../wire/ipv4';

const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number): number => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

/** A checksum field and the checksums that in turn cover it (an ICMP checksum covers an embedded header's). */
interface ChecksumField {
  at: number;
  /** UDP: a zero checksum means "none" and stays zero; a computed zero is sent as 0xffff. */
  udp?: boolean;
  coveredBy: ChecksumField[];
}

/** Writes one 16-bit word and updates every checksum covering it (and those covering them). */
function writeWord(b: Uint8Array, at: number, value: number, covering: ChecksumField[]): void {
  const old = u16(b, at);
  if (old === value) return;
  b[at] = value >>> 8;
  b[at + 1] = value & 0xff;
  for (const c of covering) {
    if (c.at + 2 > b.length) continue; // truncated embedded packet: the field is not there
    const cur = u16(b, c.at);
    if (c.udp && cur === 0) continue;
    let next = updateChecksum(cur, old, value);
    if (c.udp && next === 0) next = 0xffff;
    writeWord(b, c.at, next, c.coveredBy);
  }
}

function writeAddress(b: Uint8Array, at: number, ip: number, covering: ChecksumField[]): void {
  writeWord(b, at, ip >>> 16, covering);
  writeWord(b, at + 2, ip & 0xffff, covering);
}

/** What NAT needs to know about one IPv4 packet. */
export interface PacketInfo {
  headerLength: number;
  protocol: number;
  src: number;
  dst: number;
  /** First fragment or unfragmented: the transport header is here. */
  hasTransport: boolean;
  srcPort?: number;
  dstPort?: number;
  icmpType?: number;
  /** Echo request/reply identifier (PAT's "port" for ICMP). */
  icmpId?: number;
  tcpFlags?: number;
}

export function inspectPacket(b: Uint8Array): PacketInfo | string {
  if (b.length < 20) return 'not an IPv4 packet (shorter than 20 bytes)';
  if (b[0]! >> 4 !== 4) return 'not an IPv4 packet';
  const hl = (b[0]! & 0xf) * 4;
  const total = u16(b, 2);
  if (hl < 20 || hl > b.length || total < hl || total > b.length) return 'malformed IPv4 header';
  const info: PacketInfo = { headerLength: hl, protocol: b[9]!, src: u32(b, 12), dst: u32(b, 16), hasTransport: (u16(b, 6) & 0x1fff) === 0 };
  if (!info.hasTransport) return info;
  const l4 = hl;
  const avail = total - l4;
  if ((info.protocol === IpProtocol.TCP && avail >= 20) || (info.protocol === IpProtocol.UDP && avail >= 8)) {
    info.srcPort = u16(b, l4);
    info.dstPort = u16(b, l4 + 2);
    if (info.protocol === IpProtocol.TCP) info.tcpFlags = b[l4 + 13]!;
  } else if (info.protocol === IpProtocol.ICMP && avail >= 8) {
    info.icmpType = b[l4]!;
    if (info.icmpType === 0 || info.icmpType === 8) info.icmpId = u16(b, l4 + 4);
  }
  return info;
}

export const ICMP_ERROR_TYPES = new Set([3, 4, 5, 11, 12]);

/** The transport checksum of a packet whose header starts at `ip` (bounded by the buffer). */
function transportChecksum(b: Uint8Array, ip: number, coveredBy: ChecksumField[]): ChecksumField | undefined {
  const proto = b[ip + 9]!;
  const l4 = ip + (b[ip]! & 0xf) * 4;
  if ((u16(b, ip + 6) & 0x1fff) !== 0) return undefined;
  if (proto === IpProtocol.TCP) return { at: l4 + 16, coveredBy };
  if (proto === IpProtocol.UDP) return { at: l4 + 6, udp: true, coveredBy };
  if (proto === IpProtocol.ICMP) return { at: l4 + 2, coveredBy };
  return undefined;
}

export type Side = 'src' | 'dst';

/**
 * Rewrites the source or destination address (and port or ICMP echo id when `port` is given)
 * of `packet`, returning a new buffer. TCP/UDP checksums follow the pseudo-header; the ICMP
 * checksum covers only the identifier.
 */
export function rewrite(packet: Uint8Array, side: Side, address: number, port?: number): Uint8Array {
  const b = packet.slice();
  const ipSum: ChecksumField = { at: 10, coveredBy: [] };
  const proto = b[9]!;
  const l4sum = transportChecksum(b, 0, []);
  const pseudo = l4sum && proto !== IpProtocol.ICMP ? [l4sum] : [];
  writeAddress(b, side === 'src' ? 12 : 16, address, [ipSum, ...pseudo]);
  if (port !== undefined && l4sum) {
    const l4 = (b[0]! & 0xf) * 4;
    if (proto === IpProtocol.ICMP) writeWord(b, l4 + 4, port, [l4sum]);
    else writeWord(b, l4 + (side === 'src' ? 0 : 2), port, [l4sum]);
  }
  return b;
}

/** The flow of the packet embedded in an ICMP error (the packet that caused it). */
export function embeddedInfo(packet: Uint8Array, info: PacketInfo): PacketInfo | undefined {
  if (info.protocol !== IpProtocol.ICMP || info.icmpType === undefined || !ICMP_ERROR_TYPES.has(info.icmpType)) return undefined;
  const e = info.headerLength + 8;
  if (packet.length < e + 20 || packet[e]! >> 4 !== 4) return undefined;
  const hl = (packet[e]! & 0xf) * 4;
  const inner: PacketInfo = { headerLength: hl, protocol: packet[e + 9]!, src: u32(packet, e + 12), dst: u32(packet, e + 16), hasTransport: (u16(packet, e + 6) & 0x1fff) === 0 };
  const l4 = e + hl;
  if (inner.hasTransport && packet.length >= l4 + 4 && (inner.protocol === IpProtocol.TCP || inner.protocol === IpProtocol.UDP)) {
    inner.srcPort = u16(packet, l4);
    inner.dstPort = u16(packet, l4 + 2);
  } else if (inner.hasTransport && inner.protocol === IpProtocol.ICMP && packet.length >= l4 + 8) {
    inner.icmpType = packet[l4]!;
    if (inner.icmpType === 0 || inner.icmpType === 8) inner.icmpId = u16(packet, l4 + 4);
  }
  return inner;
}

/**
 * Rewrites an address (and port) of the packet embedded in an ICMP error, fixing the embedded IP
 * checksum, the embedded transport checksum when its bytes are present, and the outer ICMP
 * checksum that covers them all. `side` is the embedded packet's side.
 */
export function rewriteEmbedded(packet: Uint8Array, side: Side, address: number, port?: number): Uint8Array {
  const b = packet.slice();
  const outerHl = (b[0]! & 0xf) * 4;
  const icmpSum: ChecksumField = { at: outerHl + 2, coveredBy: [] };
  const e = outerHl + 8;
  const innerIpSum: ChecksumField = { at: e + 10, coveredBy: [icmpSum] };
  const proto = b[e + 9]!;
  const innerL4 = transportChecksum(b, e, [icmpSum]);
  const pseudo = innerL4 && proto !== IpProtocol.ICMP ? [innerL4] : [];
  writeAddress(b, e + (side === 'src' ? 12 : 16), address, [innerIpSum, ...pseudo, icmpSum]);
  if (port !== undefined && innerL4) {
    const l4 = e + (b[e]! & 0xf) * 4;
    const at = proto === IpProtocol.ICMP ? l4 + 4 : l4 + (side === 'src' ? 0 : 2);
    if (at + 2 <= b.length) writeWord(b, at, port, innerL4.at + 2 <= b.length ? [innerL4, icmpSum] : [icmpSum]);
  }
  return b;
}
