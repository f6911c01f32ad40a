// Access-list entry text: parsing `permit udp host 1.1.1.1 any eq isakmp log` into an AclEntry
// and writing it back the way running-config does (wildcard 0.0.0.0 as `host`, port names).
import { isIpv4 } from './grammar/engine';
import type { AclAddress, AclEntry, AclPort } from './model';

const TCP_PORTS: Record<string, number> = { bgp: 179, domain: 53, ftp: 21, 'ftp-data': 20, pop3: 110, smtp: 25, telnet: 23, www: 80, ssh: 22 };
const UDP_PORTS: Record<string, number> = { bootpc: 68, bootps: 67, domain: 53, isakmp: 500, 'non500-isakmp': 4500, ntp: 123, snmp: 161, syslog: 514, tftp: 69, rip: 520 };
// IOS prints these numbers as names in running-config; ssh (22) it prints as 22.
const TCP_NAMES: Record<number, string> = { 179: 'bgp', 53: 'domain', 21: 'ftp', 20: 'ftp-data', 110: 'pop3', 25: 'smtp', 23: 'telnet', 80: 'www' };
const UDP_NAMES: Record<number, string> = { 68: 'bootpc', 67: 'bootps', 53: 'domain', 500: 'isakmp', 4500: 'non500-isakmp', 123: 'ntp', 161: 'snmp', 514: 'syslog', 69: 'tftp', 520: 'rip' };

export const ACL_PROTOCOLS = ['ip', 'icmp', 'tcp', 'udp', 'gre', 'esp', 'ahp', 'ospf', 'eigrp', 'igmp', 'pim'];

function portNumber(proto: string, word: string): number | undefined {
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    return n <= 65535 ? n : undefined;
  }
  return (proto === 'tcp' ? TCP_PORTS : UDP_PORTS)[word.toLowerCase()];
}

export function portText(proto: string | undefined, port: number): string {
  return (proto === 'tcp' ? TCP_NAMES : UDP_NAMES)[port] ?? String(port);
}

class Words {
  i = 0;
  constructor(readonly w: string[]) {}
  peek(): string | undefined {
    return this.w[this.i];
  }
  next(): string | undefined {
    return this.w[this.i++];
  }
}

function readAddress(ws: Words, standard: boolean): AclAddress | undefined {
  const w = ws.next();
  if (w === undefined) return undefined;
  if (w === 'any') return { kind: 'any' };
  if (w === 'host') {
    const a = ws.next();
    return a && isIpv4(a) ? { kind: 'host', address: a } : undefined;
  }
  if (!isIpv4(w)) return undefined;
  const wc = ws.peek();
  if (wc && isIpv4(wc)) {
    ws.next();
    if (wc === '0.0.0.0') return { kind: 'host', address: w };
    if (wc === '255.255.255.255') return { kind: 'any' };
    return { kind: 'net', address: w, wildcard: wc };
  }
  // A standard entry may give a bare address: a host.
  return standard ? { kind: 'host', address: w } : undefined;
}

function readPort(ws: Words, proto: string): AclPort | undefined | 'bad' {
  const op = ws.peek();
  if (op !== 'eq' && op !== 'neq' && op !== 'lt' && op !== 'gt' && op !== 'range') return undefined;
  ws.next();
  const p = portNumber(proto, ws.next() ?? '');
  if (p === undefined) return 'bad';
  if (op === 'range') {
    const to = portNumber(proto, ws.next() ?? '');
    return to === undefined ? 'bad' : { op, port: p, to };
  }
  return { op, port: p };
}

/** Parses the words after `permit`/`deny`; returns an error text for a malformed entry. */
export function parseAclEntry(kind: 'standard' | 'extended', action: 'permit' | 'deny', spec: string): AclEntry | string {
  const ws = new Words(spec.trim().split(/\s+/).filter(Boolean));
  if (kind === 'standard') {
    const source = readAddress(ws, true);
    if (!source) return 'bad source';
    const rest = ws.w.slice(ws.i).join(' ');
    return { action, source, ...(rest ? { options: rest } : {}) };
  }
  const proto = (ws.next() ?? '').toLowerCase();
  if (!ACL_PROTOCOLS.includes(proto) && !/^\d+$/.test(proto)) return `bad protocol ${proto}`;
  const source = readAddress(ws, false);
  if (!source) return 'bad source';
  const ports = proto === 'tcp' || proto === 'udp';
  const sp = ports ? readPort(ws, proto) : undefined;
  if (sp === 'bad') return 'bad source port';
  const destination = readAddress(ws, false);
  if (!destination) return 'bad destination';
  const dp = ports ? readPort(ws, proto) : undefined;
  if (dp === 'bad') return 'bad destination port';
  const rest = ws.w.slice(ws.i).join(' ');
  return {
    action,
    protocol: proto,
    source,
    ...(sp ? { sourcePort: sp } : {}),
    destination,
    ...(dp ? { destinationPort: dp } : {}),
    ...(rest ? { options: rest } : {}),
  };
}

function addressText(a: AclAddress, standard: boolean): string {
  if (a.kind === 'any') return 'any';
  if (a.kind === 'host') return standard ? a.address : `host ${a.address}`;
  return `${a.address} ${a.wildcard}`;
}

function portSpecText(proto: string | undefined, p: AclPort): string {
  return p.op === 'range' ? `range ${portText(proto, p.port)} ${portText(proto, p.to)}` : `${p.op} ${portText(proto, p.port)}`;
}

/** The entry as running-config writes it after `permit`/`deny` (without the action). */
export function aclEntryText(e: AclEntry, kind: 'standard' | 'extended'): string {
  const parts: string[] = [];
  if (kind === 'standard') parts.push(addressText(e.source, true));
  else {
    parts.push(e.protocol ?? 'ip', addressText(e.source, false));
    if (e.sourcePort) parts.push(portSpecText(e.protocol, e.sourcePort));
    parts.push(addressText(e.destination ?? { kind: 'any' }, false));
    if (e.destinationPort) parts.push(portSpecText(e.protocol, e.destinationPort));
  }
  if (e.options) parts.push(e.options);
  return parts.join(' ');
}

/** Numbered ranges: 1-99 and 1300-1999 standard, 100-199 and 2000-2699 extended. */
export function numberedAclKind(n: number): 'standard' | 'extended' | undefined {
  if ((n >= 1 && n <= 99) || (n >= 1300 && n <= 1999)) return 'standard';
  if ((n >= 100 && n <= 199) || (n >= 2000 && n <= 2699)) return 'extended';
  return undefined;
}
