// IOS NAT translation timeouts (`ip nat translation ...`, Cisco IOS IP Addressing Services
// Command Reference): timeout 86400 s for simple entries, udp-timeout 300, dns-timeout 60 (UDP
// to or from port 53), tcp-timeout 86400, finrst-timeout 60 (after a FIN or RST), syn-timeout
// 60 (before the handshake completes), icmp-timeout 60. Static translations never expire.
import { SECOND, type SimTime } from '../scheduler';

export const NAT_TIMEOUTS = {
  simple: 86_400,
  udp: 300,
  dns: 60,
  tcp: 86_400,
  finrst: 60,
  syn: 60,
  icmp: 60,
  /** ESP entries made by `ip nat service ipsec-esp enable`: IOS uses the general timeout. */
  esp: 86_400,
} as const;

const TCP_FIN = 0x01;
const TCP_SYN = 0x02;
const TCP_RST = 0x04;
const TCP_ACK = 0x10;

/** How long an extended entry lives after this packet, in simulated time. */
export function timeoutFor(protocol: number, ports: { srcPort?: number; dstPort?: number; tcpFlags?: number }): SimTime {
  let s: number;
  switch (protocol) {
    case 1:
      s = NAT_TIMEOUTS.icmp;
      break;
    case 17:
      s = ports.srcPort === 53 || ports.dstPort === 53 ? NAT_TIMEOUTS.dns : NAT_TIMEOUTS.udp;
      break;
    case 6: {
      const f = ports.tcpFlags ?? 0;
      if (f & (TCP_FIN | TCP_RST)) s = NAT_TIMEOUTS.finrst;
      else if (f & TCP_SYN && !(f & TCP_ACK)) s = NAT_TIMEOUTS.syn;
      else s = NAT_TIMEOUTS.tcp;
      break;
    }
    case 50:
      s = NAT_TIMEOUTS.esp;
      break;
    default:
      s = NAT_TIMEOUTS.simple;
  }
  return s * SECOND;
}
