// ARP (RFC 826) for IPv4 over Ethernet: the only pairing the lab uses, so hardware and protocol
// address lengths are fixed at 6 and 4 and anything else is refused on parse.
//   0 htype 2 ptype 4 hlen 5 plen 6 oper 8 sha 14 spa 18 tha 24 tpa 28
import { field, formatMac, hexValue, problemStep, put16, readIpv4, u16, u8, writeIpv4, writeMac } from './bytes';
import { fail, ok, type Dissector, type ParseResult } from './layer';

export const ARP_LEN = 28;
export const ArpOperation = { Request: 1, Reply: 2 } as const;

export interface ArpPacket {
  operation: number;
  senderMac: string;
  senderIp: string;
  targetMac: string;
  targetIp: string;
  /** 1 (Ethernet) unless overridden. */
  hardwareType: number;
  /** 0x0800 (IPv4) unless overridden. */
  protocolType: number;
}

export type ArpFields = Omit<ArpPacket, 'hardwareType' | 'protocolType'> & Partial<Pick<ArpPacket, 'hardwareType' | 'protocolType'>>;

export function emitArp(p: ArpFields): Uint8Array {
  const out = new Uint8Array(ARP_LEN);
  put16(out, 0, p.hardwareType ?? 1);
  put16(out, 2, p.protocolType ?? 0x0800);
  out[4] = 6;
  out[5] = 4;
  put16(out, 6, p.operation);
  writeMac(out, 8, p.senderMac);
  writeIpv4(out, 14, p.senderIp);
  writeMac(out, 18, p.targetMac);
  writeIpv4(out, 24, p.targetIp);
  return out;
}

/** Trailing bytes (Ethernet padding) are ignored. */
export function parseArp(buf: Uint8Array): ParseResult<ArpPacket> {
  if (buf.length < 8) return fail(`ARP: truncated (${buf.length} bytes)`);
  if (u8(buf, 4) !== 6 || u8(buf, 5) !== 4)
    return fail(`ARP: unsupported address lengths (hardware ${u8(buf, 4)}, protocol ${u8(buf, 5)})`);
  if (buf.length < ARP_LEN) return fail(`ARP: truncated (${buf.length} of ${ARP_LEN} bytes)`);
  return ok({
    operation: u16(buf, 6),
    senderMac: formatMac(buf, 8),
    senderIp: readIpv4(buf, 14),
    targetMac: formatMac(buf, 18),
    targetIp: readIpv4(buf, 24),
    hardwareType: u16(buf, 0),
    protocolType: u16(buf, 2),
  });
}

/** A request: who has targetIp? tell senderIp. Target MAC is zero, as IOS and Linux send it. */
export const arpRequest = (senderMac: string, senderIp: string, targetIp: string): Uint8Array =>
  emitArp({ operation: ArpOperation.Request, senderMac, senderIp, targetMac: '00:00:00:00:00:00', targetIp });

/** The reply to a parsed request, from the owner of request.targetIp. */
export const arpReply = (request: ArpPacket, ownMac: string): Uint8Array =>
  emitArp({
    operation: ArpOperation.Reply,
    senderMac: ownMac,
    senderIp: request.targetIp,
    targetMac: request.senderMac,
    targetIp: request.senderIp,
  });

const opText = (op: number): string => (op === 1 ? 'request (1)' : op === 2 ? 'reply (2)' : `${op}`);

export const dissectArp: Dissector = (buf, offset, end) => {
  const parsed = parseArp(buf.subarray(offset, end));
  if (!parsed.ok) return problemStep('arp', 'Address Resolution Protocol', offset, end, parsed.error);
  const a = parsed.value;
  const what = a.operation === 1 ? 'request' : a.operation === 2 ? 'reply' : `opcode ${a.operation}`;
  return {
    layer: {
      protocol: 'arp',
      title: `Address Resolution Protocol (${what})`,
      offset,
      length: ARP_LEN,
      fields: [
        field('Hardware type', a.hardwareType === 1 ? 'Ethernet (1)' : `${a.hardwareType}`, offset, 2),
        field('Protocol type', `${a.protocolType === 0x0800 ? 'IPv4 ' : ''}(${hexValue(a.protocolType, 4)})`.trimStart(), offset + 2, 2),
        field('Hardware size', '6', offset + 4, 1),
        field('Protocol size', '4', offset + 5, 1),
        field('Opcode', opText(a.operation), offset + 6, 2),
        field('Sender MAC address', a.senderMac, offset + 8, 6),
        field('Sender IP address', a.senderIp, offset + 14, 4),
        field('Target MAC address', a.targetMac, offset + 18, 6),
        field('Target IP address', a.targetIp, offset + 24, 4),
      ],
    },
  };
};
