// IPv4 addresses as unsigned 32-bit numbers inside the engine (fast prefix math), dotted quads at
// the edges (config, show output, trace text).

import { ipToNumber, numberToIp, parseIpv4Address } from '../wire/bytes';

export type Ip = number;

export const parseIp: (text: string) => Ip | undefined = parseIpv4Address;

export const ip: (text: string) => Ip = ipToNumber;

export const formatIp: (v: Ip) => string = numberToIp;

export function maskFromPrefix(len: number): Ip {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** Prefix length of a contiguous mask, or undefined for a non-contiguous one. */
export function prefixFromMask(mask: Ip): number | undefined {
  const inv = ~mask >>> 0;
  if ((inv & (inv + 1)) !== 0) return undefined;
  let len = 0;
  for (let m = mask; m & 0x80000000; m = (m << 1) >>> 0) len++;
  return len;
}

export function networkOf(addr: Ip, len: number): Ip {
  return (addr & maskFromPrefix(len)) >>> 0;
}

export function inPrefix(addr: Ip, net: Ip, len: number): boolean {
  return networkOf(addr, len) === networkOf(net, len);
}

export function broadcastOf(addr: Ip, len: number): Ip {
  return (networkOf(addr, len) | (~maskFromPrefix(len) >>> 0)) >>> 0;
}

export function isMulticast(addr: Ip): boolean {
  return addr >>> 28 === 0xe;
}

export function formatPrefix(net: Ip, len: number): string {
  return `${formatIp(net)}/${len}`;
}

export const ipToBytes = (v: Ip): Uint8Array => new Uint8Array([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
export const ipFromBytes = (b: Uint8Array, off = 0): Ip => ((b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!) >>> 0;
