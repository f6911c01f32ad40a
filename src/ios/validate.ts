// Consistency checks on a model: references to things that do not exist (a tunnel protected by a
// missing profile, a crypto map naming a missing ACL), masks IOS would refuse, overlapping
// interface subnets. IOS accepts most of these lines and fails later; a lab editor wants them
// up front. With the config text, each problem carries the line of the section it belongs to.
import { isIpv4 } from './grammar/engine';
import type { IosConfig } from './model';

export interface ConfigProblem {
  /** 1-based line in the text given to validateConfig, when it could be found. */
  lineNo?: number;
  /** The section or line the problem is about, e.g. `interface Tunnel0`. */
  where: string;
  message: string;
  severity: 'error' | 'warning';
}

function toNum(ip: string): number {
  return ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
}

export function isContiguousMask(mask: string): boolean {
  if (!isIpv4(mask)) return false;
  const inv = ~toNum(mask) >>> 0;
  return (inv & (inv + 1)) === 0;
}

export function validateConfig(c: IosConfig, text?: string): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const lines = text?.split(/\r?\n/).map((l) => l.trim()) ?? [];
  const lineOf = (where: string): number | undefined => {
    const i = lines.indexOf(where);
    return i >= 0 ? i + 1 : undefined;
  };
  const add = (where: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
    const lineNo = lineOf(where);
    out.push({ ...(lineNo ? { lineNo } : {}), where, message, severity });
  };
  const cr = c.crypto;
  const ifNames = new Set(c.interfaces.map((i) => i.name));
  const acls = new Set(c.accessLists.map((l) => l.name));
  const tsets = new Set(cr.transformSets.map((t) => t.name));

  const subnets: { name: string; net: number; mask: number }[] = [];
  for (const i of c.interfaces) {
    const where = `interface ${i.name}`;
    for (const a of [...(i.ipAddress ? [i.ipAddress] : []), ...i.secondaryAddresses]) {
      if (!isContiguousMask(a.mask)) {
        add(where, `Bad mask ${a.mask} for address ${a.address}`);
        continue;
      }
      const mask = toNum(a.mask);
      const net = (toNum(a.address) & mask) >>> 0;
      const clash = subnets.find((s) => s.name !== i.name && ((net & s.mask) >>> 0 === s.net || (s.net & mask) >>> 0 === net));
      if (clash) add(where, `${a.address} ${a.mask} overlaps with ${clash.name}`);
      subnets.push({ name: i.name, net, mask });
    }
    if (i.tunnelProtection && !cr.ipsecProfiles.some((p) => p.name === i.tunnelProtection!.profile)) add(where, `IPsec profile ${i.tunnelProtection.profile} does not exist`);
    if (i.tunnelSource && !isIpv4(i.tunnelSource) && !ifNames.has(i.tunnelSource)) add(where, `tunnel source ${i.tunnelSource} does not exist`);
    if (i.cryptoMap && !cr.cryptoMaps.some((m) => m.name === i.cryptoMap)) add(where, `crypto map ${i.cryptoMap} does not exist`);
    if (i.tunnelMode === 'ipsec ipv4' && !i.tunnelProtection) add(where, 'tunnel mode ipsec ipv4 without tunnel protection: the line protocol stays down', 'warning');
    if (i.name.startsWith('Tunnel') && (!i.tunnelSource || !i.tunnelDestination)) add(where, 'tunnel without source or destination: the line protocol stays down', 'warning');
  }
  for (const p of cr.ipsecProfiles) {
    for (const t of p.transformSets) if (!tsets.has(t)) add(`crypto ipsec profile ${p.name}`, `transform set ${t} does not exist`);
    if (p.transformSets.length === 0) add(`crypto ipsec profile ${p.name}`, 'no transform set', 'warning');
  }
  for (const m of cr.cryptoMaps) {
    if (m.dynamicMap) continue;
    const where = `crypto map ${m.name} ${m.seq} ipsec-isakmp`;
    for (const t of m.transformSets) if (!tsets.has(t)) add(where, `transform set ${t} does not exist`);
    if (m.matchAddress && !acls.has(m.matchAddress)) add(where, `access list ${m.matchAddress} does not exist`);
    if (!m.matchAddress || m.peers.length === 0) add(where, 'crypto map entry incomplete: needs set peer and match address', 'warning');
  }
  for (const p of cr.isakmpProfiles) for (const k of p.keyrings) if (!cr.keyrings.some((r) => r.name === k)) add(`crypto isakmp profile ${p.name}`, `keyring ${k} does not exist`);
  for (const r of c.routes) {
    const where = `ip route ${r.prefix} ${r.mask}`;
    if (!isContiguousMask(r.mask)) add(where, `Bad mask ${r.mask}`);
    else if ((toNum(r.prefix) & ~toNum(r.mask)) >>> 0 !== 0) add(where, `Inconsistent address and mask ${r.prefix} ${r.mask}`);
    if (r.interface && !ifNames.has(r.interface) && r.interface !== 'Null0') add(where, `interface ${r.interface} does not exist`);
  }
  for (const s of c.nat.insideSourceLists) {
    const where = `ip nat inside source list ${s.acl}`;
    if (!acls.has(s.acl)) add(where, `access list ${s.acl} does not exist`, 'warning');
    if (s.interface && !ifNames.has(s.interface)) add(where, `interface ${s.interface} does not exist`);
    if (s.pool && !c.nat.pools.some((p) => p.name === s.pool)) add(where, `pool ${s.pool} does not exist`);
  }
  if (!c.ipRouting && c.ospf.length) add('no ip routing', 'router ospf has no effect with no ip routing', 'warning');
  // Line numbers: a `where` that is a prefix of a line (ip route ... next hop) also counts.
  for (const p of out) {
    if (p.lineNo === undefined && text) {
      const i = lines.findIndex((l) => l.startsWith(p.where));
      if (i >= 0) p.lineNo = i + 1;
    }
  }
  return out;
}
