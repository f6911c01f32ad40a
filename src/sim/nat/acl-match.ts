// The one IOS access-list evaluator of the simulation: NAT rules (`ip nat inside source list N`)
// and crypto maps (`match address ACL`, src/sim/vpn/runtime.ts) both ask it. It covers standard
// lists (source only) and extended lists (protocol, source, destination, TCP/UDP ports), first
// match wins, implicit deny at the end. It lives in sim (not ios) because it reads addresses
// with sim/addr's numeric parser.
import type { AccessList, AclAddress, AclEntry, AclPort } from '../../ios/model';
import { parseIp } from '../addr';

export interface AclFlow {
  protocol: number;
  src: number;
  dst: number;
  srcPort?: number;
  dstPort?: number;
}

const PROTOCOL_NUMBERS: Record<string, number> = { icmp: 1, igmp: 2, ipinip: 4, tcp: 6, udp: 17, gre: 47, esp: 50, ahp: 51, eigrp: 88, ospf: 89, pim: 103 };

function addressMatches(a: AclAddress | undefined, ip: number): boolean {
  if (!a || a.kind === 'any') return true;
  if (a.kind === 'host') return parseIp(a.address) === ip;
  const base = parseIp(a.address);
  const wild = parseIp(a.wildcard);
  if (base === undefined || wild === undefined) return false;
  // IOS wildcard: 1 bits are "don't care".
  return ((ip ^ base) & ~wild) >>> 0 === 0;
}

function portMatches(p: AclPort | undefined, port: number | undefined): boolean {
  if (!p) return true;
  if (port === undefined) return false;
  switch (p.op) {
    case 'eq':
      return port === p.port;
    case 'neq':
      return port !== p.port;
    case 'lt':
      return port < p.port;
    case 'gt':
      return port > p.port;
    case 'range':
      return port >= p.port && port <= p.to;
  }
}

function protocolMatches(name: string | undefined, protocol: number): boolean {
  if (name === undefined || name === 'ip') return true;
  const n = PROTOCOL_NUMBERS[name] ?? (/^\d+$/.test(name) ? Number(name) : undefined);
  return n === protocol;
}

function entryMatches(list: AccessList, e: AclEntry, f: AclFlow): boolean {
  if (list.kind === 'standard') return addressMatches(e.source, f.src);
  if (!protocolMatches(e.protocol, f.protocol)) return false;
  if (!addressMatches(e.source, f.src) || !addressMatches(e.destination, f.dst)) return false;
  const ported = f.protocol === 6 || f.protocol === 17;
  if ((e.sourcePort || e.destinationPort) && !ported) return false;
  return portMatches(e.sourcePort, f.srcPort) && portMatches(e.destinationPort, f.dstPort);
}

/** First matching entry's action; undefined when nothing matches (the implicit deny). */
export function aclDecision(list: AccessList, flow: AclFlow): 'permit' | 'deny' | undefined {
  for (const line of list.entries) {
    if ('remark' in line) continue;
    if (entryMatches(list, line, flow)) return line.action;
  }
  return undefined;
}

export function aclPermits(list: AccessList | undefined, flow: AclFlow): boolean {
  return list !== undefined && aclDecision(list, flow) === 'permit';
}
