// RFC 1071 Internet checksum: the ones' complement of the ones' complement sum of 16-bit words.
// Sums compose (RFC 1071 section 2, "incremental"): sum a pseudo-header, then the segment, then
// complement once. A buffer that includes a correct checksum field sums to 0xffff.
import { ipToNumber } from './bytes';

/** Ones' complement sum of bytes [start, end) folded to 16 bits, added to `initial`. Odd tails pad with 0. */
export function onesComplementSum(buf: Uint8Array, start = 0, end = buf.length, initial = 0): number {
  let sum = initial;
  let i = start;
  for (; i + 1 < end; i += 2) sum += ((buf[i] ?? 0) << 8) | (buf[i + 1] ?? 0);
  if (i < end) sum += (buf[i] ?? 0) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/** The checksum to write into a header whose checksum field is zero while summing. */
export function internetChecksum(buf: Uint8Array, start = 0, end = buf.length, initial = 0): number {
  return ~onesComplementSum(buf, start, end, initial) & 0xffff;
}

/** True when the bytes, checksum field included, verify (sum to 0xffff, i.e. checksum 0). */
export function checksumVerifies(buf: Uint8Array, start = 0, end = buf.length, initial = 0): boolean {
  return internetChecksum(buf, start, end, initial) === 0;
}

/** Sum of the IPv4 pseudo-header (RFC 768 / RFC 793): src, dst, zero, protocol, length. */
export function pseudoHeaderSum(src: string, dst: string, protocol: number, length: number): number {
  const s = ipToNumber(src);
  const d = ipToNumber(dst);
  let sum = (s >>> 16) + (s & 0xffff) + (d >>> 16) + (d & 0xffff) + protocol + length;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/**
 * RFC 1624 incremental update (eqn. 3): the new checksum after one 16-bit word changes from
 * `oldWord` to `newWord`. Used when a router decrements TTL or NAT rewrites an address.
 */
export function updateChecksum(checksum: number, oldWord: number, newWord: number): number {
  let sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
