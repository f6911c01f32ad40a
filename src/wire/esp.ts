// ESP, Encapsulating Security Payload (RFC 4303).
//   0 SPI  4 sequence number  8 IV (cipher-dependent)  ... ciphertext ...  ICV (last bytes)
// Inside the ciphertext, after decryption (RFC 4303 2.4-2.6):
//   payload | padding 1, 2, 3, ... | pad length | next header
// The payload + 2 trailer bytes are padded to the cipher's block size (4 for GCM and NULL).
// This file knows the layout only; the transforms that encrypt and authenticate are in
// src/crypto (esp-suite.ts) and SA processing is in src/sim/ipsec.
import { field, hexValue, problemStep, put32, u32, u8 } from './bytes';
import { ipProtocolText } from './ipv4';
import { fail, ok, type ByteRange, type DissectField, type DissectLayer, type Dissector, type ParseResult } from './layer';

export const ESP_PROTOCOL = 50;
export const ESP_HEADER_LEN = 8;
/** Pad length and next header. */
export const ESP_TRAILER_LEN = 2;
/** The ICV length a dissector assumes without a hint: HMAC-SHA-1-96 and HMAC-MD5-96, IOS's usual. */
export const ESP_DEFAULT_ICV_LEN = 12;

/** Field offsets from the start of the ESP header. */
export const EspField = { SPI: 0, SEQUENCE: 4, PAYLOAD: 8 } as const;

export interface EspHeader {
  spi: number;
  sequence: number;
}

/** An ESP packet as the wire shows it without keys: header and an opaque body (IV .. ICV). */
export interface EspPacket extends EspHeader {
  body: Uint8Array;
}

export const espLength = (p: EspPacket): number => ESP_HEADER_LEN + p.body.length;

export function emitEsp(p: EspPacket): Uint8Array {
  const out = new Uint8Array(espLength(p));
  writeEspHeader(out, 0, p);
  out.set(p.body, ESP_HEADER_LEN);
  return out;
}

export function writeEspHeader(buf: Uint8Array, at: number, h: EspHeader): void {
  put32(buf, at + EspField.SPI, h.spi >>> 0);
  put32(buf, at + EspField.SEQUENCE, h.sequence >>> 0);
}

/** SPI 0 is reserved (RFC 4303 2.1) and never sent; anything shorter than the header is refused. */
export function parseEsp(buf: Uint8Array): ParseResult<EspPacket> {
  if (buf.length < ESP_HEADER_LEN) return fail(`ESP: truncated (${buf.length} of ${ESP_HEADER_LEN} header bytes)`);
  const spi = u32(buf, EspField.SPI);
  if (spi === 0) return fail('ESP: SPI 0 is reserved');
  return ok({ spi, sequence: u32(buf, EspField.SEQUENCE), body: buf.subarray(ESP_HEADER_LEN) });
}

// ---- trailer -----------------------------------------------------------------------------

/** Padding bytes so that payload + padding + 2 is a multiple of `blockSize`. */
export function espPadLength(payloadLength: number, blockSize: number): number {
  const r = (payloadLength + ESP_TRAILER_LEN) % blockSize;
  return r === 0 ? 0 : blockSize - r;
}

/** Length of payload + padding + trailer: the bytes the cipher encrypts. */
export const espPlaintextLength = (payloadLength: number, blockSize: number): number =>
  payloadLength + espPadLength(payloadLength, blockSize) + ESP_TRAILER_LEN;

export interface EspPlaintext {
  payload: Uint8Array;
  padLength: number;
  nextHeader: number;
}

/**
 * Writes payload, the default padding 1, 2, 3, ... (RFC 4303 2.4), pad length and next header
 * into `out` at `at` (when given), or into a new array. Returns the bytes written.
 * `padLength` overrides the minimum (extra whole blocks, traffic-flow confidentiality).
 */
export function emitEspPlaintext(p: Omit<EspPlaintext, 'padLength'> & { padLength?: number }, blockSize: number, out?: Uint8Array, at = 0): Uint8Array {
  const pad = p.padLength ?? espPadLength(p.payload.length, blockSize);
  const total = p.payload.length + pad + ESP_TRAILER_LEN;
  const dst = out ?? new Uint8Array(total);
  const base = out ? at : 0;
  dst.set(p.payload, base);
  let i = base + p.payload.length;
  for (let k = 1; k <= pad; k++) dst[i++] = k & 0xff;
  dst[i++] = pad & 0xff;
  dst[i] = p.nextHeader & 0xff;
  return out ? dst.subarray(base, base + total) : dst;
}

/**
 * Reads the trailer of decrypted ESP bytes. The padding must be 1, 2, 3, ... as RFC 4303 2.4
 * requires of the default scheme (IOS, Linux and scapy all send it); anything else is refused
 * with the byte that is wrong, which is what a bad key or a corrupted packet looks like.
 */
export function parseEspPlaintext(plain: Uint8Array): ParseResult<EspPlaintext> {
  if (plain.length < ESP_TRAILER_LEN) return fail(`ESP: decrypted data of ${plain.length} bytes has no trailer`);
  const padLength = u8(plain, plain.length - 2);
  const nextHeader = u8(plain, plain.length - 1);
  const payloadLength = plain.length - ESP_TRAILER_LEN - padLength;
  if (payloadLength < 0) return fail(`ESP: pad length ${padLength} is longer than the ${plain.length - 2} bytes before it`);
  for (let k = 1; k <= padLength; k++) {
    const b = u8(plain, payloadLength + k - 1);
    if (b !== (k & 0xff)) return fail(`ESP: bad padding (byte ${k} is ${b}, expected ${k & 0xff})`);
  }
  return ok({ payload: plain.subarray(0, payloadLength), padLength, nextHeader });
}

// ---- dissect -----------------------------------------------------------------------------

/** What a dissector cannot know without the SA: the IV and ICV lengths of the transforms. */
export interface EspDissectHints {
  ivLength?: number;
  icvLength?: number;
}

/**
 * Dissects an ESP packet. Without keys the body is opaque: the layer gives SPI, sequence, the
 * IV (when its length is hinted), the encrypted data and the ICV, plus the `encrypted` range
 * (what a receiver decrypts) and the `authenticated` range (what the ICV covers: SPI through
 * the end of the ciphertext). Without an ICV hint it assumes 12 bytes and says so.
 */
export function dissectEspWith(hints: EspDissectHints = {}): Dissector {
  return (buf, offset, end) => {
    const title = 'Encapsulating Security Payload';
    const avail = end - offset;
    if (avail < ESP_HEADER_LEN) return problemStep('esp', title, offset, end, `Truncated ESP header (${avail} of ${ESP_HEADER_LEN} bytes)`);
    const spi = u32(buf, offset);
    const seq = u32(buf, offset + 4);
    const fields: DissectField[] = [
      field('ESP SPI', `${hexValue(spi, 8)} (${spi})`, offset, 4),
      field('ESP Sequence', `${seq}`, offset + 4, 4),
    ];
    const layer: DissectLayer = { protocol: 'esp', title: `${title}, SPI: ${hexValue(spi, 8)}, Seq: ${seq}`, offset, length: avail, fields };
    const problems: string[] = [];
    if (spi === 0) problems.push('SPI 0 is reserved');

    const icvGuessed = hints.icvLength === undefined;
    const icvLength = hints.icvLength ?? ESP_DEFAULT_ICV_LEN;
    const ivLength = hints.ivLength ?? 0;
    const bodyStart = offset + ESP_HEADER_LEN;
    const icvStart = end - icvLength;
    if (icvStart < bodyStart + ivLength) {
      problems.push(`Too short for a ${ivLength}-byte IV and a ${icvLength}-byte ICV`);
      if (end > bodyStart) fields.push(field('ESP Data', `(${end - bodyStart} bytes)`, bodyStart, end - bodyStart));
      layer.problem = problems.join('; ');
      return { layer };
    }
    if (hints.ivLength !== undefined && ivLength > 0) fields.push(field('ESP IV', `(${ivLength} bytes)`, bodyStart, ivLength));
    const dataStart = bodyStart + ivLength;
    const dataName = hints.ivLength === undefined ? 'ESP Encrypted Data (IV and ciphertext; IV length unknown)' : 'ESP Encrypted Data';
    fields.push(field(dataName, `(${icvStart - dataStart} bytes)`, dataStart, icvStart - dataStart));
    if (icvLength > 0) {
      const icvName = icvGuessed ? `ESP ICV (assumed ${ESP_DEFAULT_ICV_LEN} bytes: the SA is unknown)` : 'ESP ICV';
      fields.push(field(icvName, `(${icvLength} bytes)`, icvStart, icvLength));
    }
    const encrypted: ByteRange[] = [{ offset: dataStart, length: icvStart - dataStart }];
    const authenticated: ByteRange[] = [{ offset, length: icvStart - offset }];
    layer.encrypted = encrypted;
    layer.authenticated = authenticated;
    if (problems.length) layer.problem = problems.join('; ');
    return { layer };
  };
}

/** ESP without an SA: no IV split, ICV assumed 12 bytes (see dissectEspWith). */
export const dissectEsp: Dissector = dissectEspWith();

/**
 * Fields of decrypted ESP bytes, for an inspector that has the keys: the inner payload range,
 * padding, pad length and next header. `offset` is where `plain` would sit in the frame.
 */
export function espTrailerFields(plain: Uint8Array, offset: number): ParseResult<{ fields: DissectField[]; payload: ByteRange; nextHeader: number }> {
  const r = parseEspPlaintext(plain);
  if (!r.ok) return r;
  const { payload, padLength, nextHeader } = r.value;
  const padAt = offset + payload.length;
  const fields: DissectField[] = [];
  if (padLength > 0) fields.push(field('ESP Pad', `(${padLength} bytes: 1, 2, 3, ...)`, padAt, padLength));
  fields.push(field('ESP Pad Length', `${padLength}`, padAt + padLength, 1));
  fields.push(field('Next Header', ipProtocolText(nextHeader), padAt + padLength + 1, 1));
  return ok({ fields, payload: { offset, length: payload.length }, nextHeader });
}
