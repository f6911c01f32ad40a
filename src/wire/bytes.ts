// Small helpers shared by the codecs: big-endian reads/writes, hex, and the text forms of
// IPv4 and MAC addresses. Reprs carry addresses as text ("10.1.1.1", "aa:bb:cc:dd:ee:ff")
// so they compare with toEqual, print in traces, and read like show output.
import type { DissectField, DissectStep } from './layer';

/** Big-endian reads that return 0 past the end instead of undefined (callers check lengths first). */
export const u8 = (b: Uint8Array, i: number): number => b[i] ?? 0;
export const u16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
export const u32 = (b: Uint8Array, i: number): number =>
  (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;

export function put16(b: Uint8Array, i: number, v: number): void {
  b[i] = (v >>> 8) & 0xff;
  b[i + 1] = v & 0xff;
}

export function put32(b: Uint8Array, i: number, v: number): void {
  b[i] = (v >>> 24) & 0xff;
  b[i + 1] = (v >>> 16) & 0xff;
  b[i + 2] = (v >>> 8) & 0xff;
  b[i + 3] = v & 0xff;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function toHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Hex text (spaces and colons ignored) to bytes; throws on odd length or bad digits. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new RangeError(`not hex: ${text}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** "0x0800" style, zero-padded to the field's width in hex digits. */
export const hexValue = (v: number, digits: number): string => `0x${v.toString(16).padStart(digits, '0')}`;

// ---- IPv4 addresses --------------------------------------------------------------------------

/**
 * "a.b.c.d" to an unsigned 32-bit number, or undefined when the text is not an address.
 * Hand-rolled rather than a regular expression: the engine converts every address the codecs
 * give as text, on every packet.
 */
export function parseIpv4Address(text: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return (value * 256 + part) >>> 0;
}

/** "a.b.c.d" to a number; throws RangeError on bad text (a programming error in a caller). */
export function ipToNumber(text: string): number {
  const n = parseIpv4Address(text);
  if (n === undefined) throw new RangeError(`not an IPv4 address: ${text}`);
  return n;
}

export function numberToIp(n: number): string {
  return `${(n >>> 24) & 0xff}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
}

export const isIpv4Address = (text: string): boolean => parseIpv4Address(text) !== undefined;

export function readIpv4(b: Uint8Array, i: number): string {
  return `${u8(b, i)}.${u8(b, i + 1)}.${u8(b, i + 2)}.${u8(b, i + 3)}`;
}

export function writeIpv4(b: Uint8Array, i: number, text: string): void {
  put32(b, i, ipToNumber(text));
}

// ---- MAC addresses ---------------------------------------------------------------------------

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
export const ZERO_MAC = '00:00:00:00:00:00';

const MAC_TEXT = /^[0-9a-fA-F]{2}([:.-]?[0-9a-fA-F]{2}){5}$|^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/;

/** Accepts "aa:bb:cc:dd:ee:ff", "aa-bb-...", and IOS "aabb.ccdd.eeff"; gives 6 bytes or undefined. */
export function parseMac(text: string): Uint8Array | undefined {
  if (!MAC_TEXT.test(text)) return undefined;
  return fromHex(text.replace(/[:.-]/g, ''));
}

/** Canonical text form: lowercase, colon separated. */
export function formatMac(b: Uint8Array, i = 0): string {
  const parts: string[] = [];
  for (let k = 0; k < 6; k++) parts.push(u8(b, i + k).toString(16).padStart(2, '0'));
  return parts.join(':');
}

/** IOS form "aabb.ccdd.eeff" (show arp, show interfaces). */
export function formatMacIos(text: string): string {
  const h = toHex(macBytes(text));
  return `${h.slice(0, 4)}.${h.slice(4, 8)}.${h.slice(8, 12)}`;
}

export function macBytes(text: string): Uint8Array {
  const b = parseMac(text);
  if (!b) throw new RangeError(`not a MAC address: ${text}`);
  return b;
}

export function writeMac(b: Uint8Array, i: number, text: string): void {
  b.set(macBytes(text), i);
}

// ---- dissect helpers -------------------------------------------------------------------------

export function field(
  name: string,
  value: string,
  offset: number,
  length: number,
  bits?: { bitOffset: number; bitWidth: number },
  children?: DissectField[],
): DissectField {
  const f: DissectField = { name, value, offset, length };
  if (bits) {
    f.bitOffset = bits.bitOffset;
    f.bitWidth = bits.bitWidth;
  }
  if (children) f.children = children;
  return f;
}

/** A layer that could not be decoded: the bytes it covers, why, and no payload. */
export function problemStep(protocol: string, title: string, offset: number, end: number, problem: string): DissectStep {
  return { layer: { protocol, title, offset, length: Math.max(0, end - offset), fields: [], problem } };
}

/** Wireshark's checksum text: "0xb1e6 [correct]". */
export function checksumText(value: number, ok: boolean): string {
  return `${hexValue(value, 4)} [${ok ? 'correct' : 'incorrect'}]`;
}
