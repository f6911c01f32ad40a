// UDP (RFC 768).  0 src port  2 dst port  4 length  6 checksum  8 payload
// The checksum covers the IPv4 pseudo-header (src, dst, 0, 17, UDP length) and the datagram.
// Zero on the wire means "no checksum"; a computed zero is sent as 0xffff.
import { checksumVerifies, internetChecksum, pseudoHeaderSum } from './checksum';
import { checksumText, field, problemStep, put16, u16 } from './bytes';
import { fail, ok, type Dissector, type DissectLayer, type ParseResult } from './layer';

export const UDP_HEADER_LEN = 8;
export const UDP_PROTOCOL = 17;

export interface UdpHeader {
  srcPort: number;
  dstPort: number;
  length: number;
  checksum: number;
}

export interface UdpDatagram extends UdpHeader {
  payload: Uint8Array;
}

export type UdpFields = Pick<UdpHeader, 'srcPort' | 'dstPort'> & Partial<Pick<UdpHeader, 'length' | 'checksum'>>;

/** The enclosing IPv4 addresses, needed for the pseudo-header. */
export interface IpPseudoHeader {
  src: string;
  dst: string;
}

/** Without `ip` (and no checksum given) the checksum is 0, meaning none, which RFC 768 allows. */
export function emitUdp(f: UdpFields, payload: Uint8Array, ip?: IpPseudoHeader): Uint8Array {
  const out = new Uint8Array(UDP_HEADER_LEN + payload.length);
  put16(out, 0, f.srcPort);
  put16(out, 2, f.dstPort);
  put16(out, 4, f.length ?? out.length);
  out.set(payload, UDP_HEADER_LEN);
  let checksum = f.checksum;
  if (checksum === undefined && ip) {
    checksum = internetChecksum(out, 0, out.length, pseudoHeaderSum(ip.src, ip.dst, UDP_PROTOCOL, out.length));
    if (checksum === 0) checksum = 0xffff;
  }
  put16(out, 6, checksum ?? 0);
  return out;
}

/**
 * Payload ends at the length field (bytes past it are ignored). With `ip` given, a non-zero
 * checksum is verified and a wrong one refused.
 */
export function parseUdp(buf: Uint8Array, ip?: IpPseudoHeader): ParseResult<UdpDatagram> {
  if (buf.length < UDP_HEADER_LEN) return fail(`UDP: truncated (${buf.length} of ${UDP_HEADER_LEN} header bytes)`);
  const length = u16(buf, 4);
  if (length < UDP_HEADER_LEN) return fail(`UDP: length ${length} is below 8`);
  if (length > buf.length) return fail(`UDP: truncated (length ${length}, ${buf.length} bytes)`);
  const checksum = u16(buf, 6);
  if (ip && checksum !== 0 && !udpChecksumOk(buf.subarray(0, length), ip)) return fail('UDP: bad checksum');
  return ok({ srcPort: u16(buf, 0), dstPort: u16(buf, 2), length, checksum, payload: buf.subarray(UDP_HEADER_LEN, length) });
}

export function udpChecksumOk(datagram: Uint8Array, ip: IpPseudoHeader): boolean {
  return checksumVerifies(datagram, 0, datagram.length, pseudoHeaderSum(ip.src, ip.dst, UDP_PROTOCOL, datagram.length));
}

const PORT_NAMES: Record<number, string> = { 500: 'isakmp', 4500: 'ipsec-nat-t', 53: 'domain', 123: 'ntp' };
const portText = (p: number) => (PORT_NAMES[p] ? `${p} (${PORT_NAMES[p]})` : `${p}`);

/**
 * UDP's dissector alone cannot verify the checksum (it needs the IPv4 addresses), so it reads
 * them from the IPv4 header right before it when there is one; registry passes that context.
 */
export function dissectUdpWith(ip?: IpPseudoHeader): Dissector {
  return (buf, offset, end) => {
    const title = 'User Datagram Protocol';
    if (end - offset < UDP_HEADER_LEN) return problemStep('udp', title, offset, end, 'Truncated UDP header');
    const src = u16(buf, offset);
    const dst = u16(buf, offset + 2);
    const length = u16(buf, offset + 4);
    const checksum = u16(buf, offset + 6);
    const fits = length >= UDP_HEADER_LEN && length <= end - offset;
    let checksumValue = checksum === 0 ? '0x0000 [zero-value ignored]' : `0x${checksum.toString(16).padStart(4, '0')} [unverified]`;
    let bad = false;
    if (checksum !== 0 && ip && fits) {
      const good = udpChecksumOk(buf.subarray(offset, offset + length), ip);
      checksumValue = checksumText(checksum, good);
      bad = !good;
    }
    const layer: DissectLayer = {
      protocol: 'udp',
      title: `${title}, Src Port: ${src}, Dst Port: ${dst}`,
      offset,
      length: UDP_HEADER_LEN,
      fields: [
        field('Source Port', portText(src), offset, 2),
        field('Destination Port', portText(dst), offset + 2, 2),
        field('Length', `${length}`, offset + 4, 2),
        field('Checksum', checksumValue, offset + 6, 2),
      ],
    };
    const problems: string[] = [];
    if (!fits) problems.push(length < UDP_HEADER_LEN ? `Bad length ${length}` : `Truncated: length ${length}, ${end - offset} bytes`);
    if (bad) problems.push('Bad checksum');
    if (problems.length) layer.problem = problems.join('; ');
    if (length < UDP_HEADER_LEN) return { layer };
    const payloadEnd = Math.min(offset + length, end);
    return { layer, payload: { offset: offset + UDP_HEADER_LEN, length: payloadEnd - offset - UDP_HEADER_LEN }, bindKeys: [dst, src] };
  };
}

/** Without IP context: structure only, checksum shown unverified. */
export const dissectUdp: Dissector = dissectUdpWith();
