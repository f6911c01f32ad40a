// UDP encapsulation of IPsec packets (RFC 3948), on UDP port 4500 once NAT-T is in use.
// The UDP payload is one of:
//   - a NAT keepalive: the single byte 0xFF (RFC 3948 2.3);
//   - an IKE message after a 4-byte non-ESP marker of zeros (RFC 3948 2.2);
//   - otherwise an ESP packet, whose SPI (never 0) takes the marker's place (RFC 3948 2.1).
import { field, problemStep, u32, u8 } from './bytes';
import { fail, ok, type DissectLayer, type Dissector, type ParseResult } from './layer';

export const NON_ESP_MARKER_LEN = 4;
export const NAT_KEEPALIVE_BYTE = 0xff;

/**
 * Keys the udp-encap dissector hands the registry for its payload: an IKE message after the
 * marker (bind to the ISAKMP dissector), or ESP (bind to the ESP dissector, 50 as in IPv4).
 */
export const UdpEncapBindKey = { IKE: 500, ESP: 50 } as const;

export type UdpEncapPayload =
  | { kind: 'keepalive' }
  | { kind: 'ike'; ike: Uint8Array }
  | { kind: 'esp'; esp: Uint8Array };

/** Tells the three payloads apart. Never throws; a 0-3 byte payload that is not a keepalive is refused. */
export function parseUdpEncap(payload: Uint8Array): ParseResult<UdpEncapPayload> {
  if (payload.length === 1 && u8(payload, 0) === NAT_KEEPALIVE_BYTE) return ok({ kind: 'keepalive' });
  if (payload.length < NON_ESP_MARKER_LEN) return fail(`UDP-encapsulated IPsec: ${payload.length} bytes is neither a keepalive nor a marker`);
  if (u32(payload, 0) === 0) return ok({ kind: 'ike', ike: payload.subarray(NON_ESP_MARKER_LEN) });
  if (payload.length < 8) return fail(`UDP-encapsulated ESP: truncated (${payload.length} of 8 header bytes)`);
  return ok({ kind: 'esp', esp: payload });
}

/** The UDP payload carrying `p` on port 4500. */
export function emitUdpEncap(p: UdpEncapPayload): Uint8Array {
  switch (p.kind) {
    case 'keepalive':
      return Uint8Array.of(NAT_KEEPALIVE_BYTE);
    case 'ike': {
      const out = new Uint8Array(NON_ESP_MARKER_LEN + p.ike.length);
      out.set(p.ike, NON_ESP_MARKER_LEN);
      return out;
    }
    case 'esp':
      return p.esp.slice();
  }
}

export const udpEncapLength = (p: UdpEncapPayload): number =>
  p.kind === 'keepalive' ? 1 : p.kind === 'ike' ? NON_ESP_MARKER_LEN + p.ike.length : p.esp.length;

/**
 * The udp-encap layer, as Wireshark's "UDP Encapsulation of IPsec Packets": a keepalive is the
 * whole layer; IKE shows the non-ESP marker and hands the rest on with bindKeys [500]; ESP is an
 * empty layer handing everything on with bindKeys [50].
 */
export const dissectUdpEncap: Dissector = (buf, offset, end) => {
  const title = 'UDP Encapsulation of IPsec Packets';
  const avail = end - offset;
  if (avail === 1 && u8(buf, offset) === NAT_KEEPALIVE_BYTE) {
    return { layer: { protocol: 'udp-encap', title: `${title}, NAT-keepalive`, offset, length: 1, fields: [field('NAT-keepalive packet', '0xff', offset, 1)] } };
  }
  if (avail < NON_ESP_MARKER_LEN) return problemStep('udp-encap', title, offset, end, `${avail} bytes: neither a NAT keepalive nor a non-ESP marker`);
  if (u32(buf, offset) === 0) {
    const layer: DissectLayer = { protocol: 'udp-encap', title, offset, length: NON_ESP_MARKER_LEN, fields: [field('Non-ESP Marker', '0x00000000', offset, NON_ESP_MARKER_LEN)] };
    return { layer, payload: { offset: offset + NON_ESP_MARKER_LEN, length: avail - NON_ESP_MARKER_LEN }, bindKeys: [UdpEncapBindKey.IKE] };
  }
  const layer: DissectLayer = { protocol: 'udp-encap', title, offset, length: 0, fields: [] };
  return { layer, payload: { offset, length: avail }, bindKeys: [UdpEncapBindKey.ESP] };
};
