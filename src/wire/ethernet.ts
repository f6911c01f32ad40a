// Ethernet II (DIX) frames without FCS, as pcap link type 1 carries them.
//   0      6      12     14
//   | dst  | src  | type | payload
import { field, formatMac, hexValue, problemStep, put16, u16, writeMac } from './bytes';
import { fail, ok, type Dissector, type ParseResult } from './layer';

export { BROADCAST_MAC, ZERO_MAC, formatMac, formatMacIos, parseMac } from './bytes';

export const ETHERNET_HEADER_LEN = 14;
/** Smallest frame on the wire without FCS; shorter frames are padded with zeros. */
export const ETHERNET_MIN_FRAME = 60;

export const EtherType = { IPv4: 0x0800, ARP: 0x0806, IPv6: 0x86dd, VLAN: 0x8100 } as const;

const ETHERTYPE_NAMES: Record<number, string> = { 0x0800: 'IPv4', 0x0806: 'ARP', 0x86dd: 'IPv6', 0x8100: '802.1Q' };

export interface EthernetHeader {
  dst: string;
  src: string;
  etherType: number;
}

export interface EthernetFrame extends EthernetHeader {
  /** Everything after the header, padding included (Ethernet has no length field). */
  payload: Uint8Array;
}

export interface EthernetEmitOptions {
  /** Pad with zeros to the 60-byte minimum, as a real NIC does. Default false. */
  pad?: boolean;
}

export function emitEthernet(h: EthernetHeader, payload: Uint8Array, opts: EthernetEmitOptions = {}): Uint8Array {
  const len = ETHERNET_HEADER_LEN + payload.length;
  const out = new Uint8Array(opts.pad ? Math.max(len, ETHERNET_MIN_FRAME) : len);
  writeMac(out, 0, h.dst);
  writeMac(out, 6, h.src);
  put16(out, 12, h.etherType);
  out.set(payload, ETHERNET_HEADER_LEN);
  return out;
}

export function parseEthernet(buf: Uint8Array): ParseResult<EthernetFrame> {
  if (buf.length < ETHERNET_HEADER_LEN) return fail(`Ethernet: truncated (${buf.length} of 14 header bytes)`);
  return ok({
    dst: formatMac(buf, 0),
    src: formatMac(buf, 6),
    etherType: u16(buf, 12),
    payload: buf.subarray(ETHERNET_HEADER_LEN),
  });
}

export const etherTypeText = (t: number): string => `${hexValue(t, 4)}${ETHERTYPE_NAMES[t] ? ` (${ETHERTYPE_NAMES[t]})` : ''}`;

export const isBroadcastMac = (mac: string): boolean => mac.toLowerCase() === 'ff:ff:ff:ff:ff:ff';
/** Group bit: the least significant bit of the first octet. */
export const isMulticastMac = (mac: string): boolean => (parseInt(mac.slice(0, 2), 16) & 1) === 1;

/** RFC 1112: 01:00:5e + low 23 bits of the group address (OSPF 224.0.0.5 -> 01:00:5e:00:00:05). */
export function ipv4MulticastMac(group: string): string {
  const parts = group.split('.').map(Number);
  const h = (n: number) => n.toString(16).padStart(2, '0');
  return `01:00:5e:${h((parts[1] ?? 0) & 0x7f)}:${h(parts[2] ?? 0)}:${h(parts[3] ?? 0)}`;
}

export const dissectEthernet: Dissector = (buf, offset, end) => {
  if (end - offset < ETHERNET_HEADER_LEN) return problemStep('eth', 'Ethernet II', offset, end, 'Truncated Ethernet header');
  const dst = formatMac(buf, offset);
  const src = formatMac(buf, offset + 6);
  const type = u16(buf, offset + 12);
  return {
    layer: {
      protocol: 'eth',
      title: `Ethernet II, Src: ${src}, Dst: ${dst}`,
      offset,
      length: ETHERNET_HEADER_LEN,
      fields: [
        field('Destination', dst, offset, 6),
        field('Source', src, offset + 6, 6),
        field('Type', etherTypeText(type), offset + 12, 2),
      ],
    },
    payload: { offset: offset + ETHERNET_HEADER_LEN, length: end - offset - ETHERNET_HEADER_LEN },
    bindKeys: [type],
  };
};
