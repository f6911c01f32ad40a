// The label of a packet's outermost encapsulation, as the trace and the canvas show it.
import { u16, u8 } from '../wire/bytes';

export function ipProtocolLabel(ipPacket: Uint8Array): string {
  if (ipPacket.length < 20) return 'IPv4';
  const hdr = (u8(ipPacket, 0) & 0xf) * 4;
  const fragOffset = u16(ipPacket, 6) & 0x1fff;
  switch (u8(ipPacket, 9)) {
    case 1:
      return 'ICMP';
    case 4:
      return 'IPIP';
    case 6:
      return 'TCP';
    case 17: {
      if (fragOffset !== 0) return 'UDP';
      const sport = u16(ipPacket, hdr);
      const dport = u16(ipPacket, hdr + 2);
      if (sport === 500 || dport === 500) return 'ISAKMP';
      if (sport === 4500 || dport === 4500) {
        // RFC 3948: a zero non-ESP marker means IKE, anything else is an ESP SPI.
        return ipPacket.length >= hdr + 12 && u16(ipPacket, hdr + 8) === 0 && u16(ipPacket, hdr + 10) === 0 ? 'ISAKMP' : 'UDP-ESP';
      }
      return 'UDP';
    }
    case 47:
      return 'GRE';
    case 50:
      return 'ESP';
    case 51:
      return 'AH';
    case 89:
      return 'OSPF';
    default:
      return 'IPv4';
  }
}

/** For an Ethernet frame. */
export function frameProtocolLabel(frame: Uint8Array): string {
  const type = u16(frame, 12);
  if (type === 0x0806) return 'ARP';
  if (type === 0x0800) return ipProtocolLabel(frame.subarray(14));
  return 'Ethernet';
}
