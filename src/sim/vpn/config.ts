// IOS crypto configuration -> the IKE engine's configuration (src/sim/ike/types.ts): ISAKMP
// policies, pre-shared keys, and one IpsecPolicy per protected thing: an IPsec VTI (`tunnel mode
// ipsec ipv4` + `tunnel protection`), a protected GRE tunnel, or a crypto map entry on an
// interface. The policy name is the key the runtime uses everywhere: the tunnel name, or
// "MAP SEQ" for a crypto map entry.
import type { AccessList, AclAddress, CryptoMapEntry, IosConfig, TransformSet as IosTransformSet } from '../../ios/model';
import type { Device } from '../device';
import type { SimInterface } from '../interface';
import { parseIp } from '../addr';
import type { DhGroup, EspCipherName, EspIntegrityName, IkeConfig, IkeHash, IpsecPolicy, IsakmpPolicy, PresharedKey, ProxyId, TransformSet } from '../ike';

export const ANY_PROXY: ProxyId = { address: 0, mask: 0, protocol: 0, port: 0 };

const CIPHERS: readonly EspCipherName[] = ['esp-aes', 'esp-3des', 'esp-des', 'esp-null', 'esp-gcm', 'esp-gmac'];
const INTEGRITIES: readonly EspIntegrityName[] = ['esp-md5-hmac', 'esp-sha-hmac', 'esp-sha256-hmac', 'esp-sha384-hmac', 'esp-sha512-hmac'];
const HASHES: Record<string, IkeHash> = { sha: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', md5: 'md5' };
const GROUPS = new Set([1, 2, 5, 14, 19, 20]);

/** What a protected thing is: a VTI, GRE with tunnel protection, or a crypto map entry. */
export type ProtectionKind = 'vti' | 'gre' | 'map';

export interface ProtectedPolicy extends IpsecPolicy {
  kind: ProtectionKind;
  /** The interface it lives on: the tunnel, or the interface the crypto map is applied to. */
  interfaceName: string;
  /** Crypto map entries: the map, its sequence number, its ACL. */
  map?: { name: string; seq: number; acl?: AccessList; entry: CryptoMapEntry };
  /** The ipsec profile of a tunnel. */
  profile?: string;
}

export function engineTransformSet(t: IosTransformSet): TransformSet | undefined {
  let cipher: EspCipherName | undefined;
  let keyBits: number | undefined;
  let integrity: EspIntegrityName | undefined;
  for (const x of t.transforms) {
    if ((CIPHERS as readonly string[]).includes(x.name)) {
      cipher = x.name as EspCipherName;
      keyBits = x.keyBits;
    } else if ((INTEGRITIES as readonly string[]).includes(x.name)) integrity = x.name as EspIntegrityName;
  }
  if (!cipher) return undefined;
  return { name: t.name, cipher, ...(keyBits ? { keyBits } : {}), ...(integrity ? { integrity } : {}), mode: t.mode };
}

function dhGroup(text: string | undefined): DhGroup | undefined {
  const n = text ? Number(/(\d+)$/.exec(text)?.[1]) : NaN;
  return GROUPS.has(n) ? (n as DhGroup) : undefined;
}

function isakmpPolicies(c: IosConfig): IsakmpPolicy[] {
  return c.crypto.isakmpPolicies.map((p) => ({
    priority: p.priority,
    encryption: p.encryption,
    ...(p.encryption === 'aes' ? { keyBits: (p.keyLength ?? 128) as 128 | 192 | 256 } : {}),
    hash: HASHES[p.hash] ?? 'sha1',
    authentication: p.authentication === 'pre-share' ? 'pre-share' : 'rsa-sig',
    group: dhGroup(String(p.group)) ?? 1,
    lifetime: p.lifetime,
  }));
}

function presharedKeys(c: IosConfig): PresharedKey[] {
  const out: PresharedKey[] = [];
  const add = (address: string, mask: string | undefined, key: string) => {
    const a = parseIp(address);
    const m = mask === undefined ? 0xffffffff : parseIp(mask);
    if (a !== undefined && m !== undefined) out.push({ address: a, mask: m, key });
  };
  for (const k of c.crypto.isakmpKeys) add(k.address, k.mask, k.key);
  for (const r of c.crypto.keyrings) for (const k of r.preSharedKeys) add(k.address, k.mask, k.key);
  return out;
}

function transformSets(c: IosConfig, names: readonly string[]): TransformSet[] {
  const out: TransformSet[] = [];
  for (const n of names) {
    const t = c.crypto.transformSets.find((x) => x.name === n);
    const e = t && engineTransformSet(t);
    if (e) out.push(e);
  }
  return out;
}

/** `no crypto ipsec nat-transparency udp-encapsulation`. */
export function natTransparencyOff(c: IosConfig): boolean {
  return c.crypto.natTransparencyOff === true;
}

function lifetime(c: IosConfig, own: { seconds?: number; kilobytes?: number }): { lifetimeSeconds?: number; lifetimeKilobytes?: number } {
  const s = own.seconds ?? c.crypto.saLifetime.seconds;
  const k = own.kilobytes ?? c.crypto.saLifetime.kilobytes;
  return { ...(s ? { lifetimeSeconds: s } : {}), ...(k ? { lifetimeKilobytes: k } : {}) };
}

/** The protection a tunnel interface asks for, or undefined when it has none (or is not ready). */
export function tunnelPolicy(dev: Device, t: SimInterface): ProtectedPolicy | undefined {
  const c = dev.config;
  const prot = t.config.tunnelProtection;
  const mode = t.config.tunnelMode;
  if (!prot || (mode !== 'ipsec ipv4' && mode !== 'gre ip')) return undefined;
  // A shut tunnel has no crypto socket on IOS: it neither asks for SAs nor answers for them.
  if (!t.adminUp) return undefined;
  const profile = c.crypto.ipsecProfiles.find((p) => p.name === prot.profile);
  const src = dev.tunnelSourceAddress(t);
  const dst = dev.tunnelDestinationAddress(t);
  if (!profile || !src || dst === undefined) return undefined;
  const sets = transformSets(c, profile.transformSets);
  const pfs = dhGroup(profile.pfs);
  const gre = mode === 'gre ip';
  return {
    kind: gre ? 'gre' : 'vti',
    interfaceName: t.name,
    profile: profile.name,
    name: t.name,
    peer: dst,
    localAddress: src.ip,
    // A VTI protects everything routed into it (any/any); GRE protection protects the GRE
    // packets between the two endpoints: `permit gre host SRC host DST`.
    local: gre ? { address: src.ip, mask: 0xffffffff, protocol: 47, port: 0 } : ANY_PROXY,
    remote: gre ? { address: dst, mask: 0xffffffff, protocol: 47, port: 0 } : ANY_PROXY,
    transformSets: sets,
    ...(pfs ? { pfs } : {}),
    ...lifetime(c, profile.lifetime),
    // IOS: a VTI always runs ESP tunnel mode; a transform set's `mode transport` is a request it
    // falls back from. GRE protection honours the transform set's mode.
    ...(gre ? {} : { tunnelOnly: true }),
    // As a responder a protected tunnel takes only exactly these identities (IOS: a VTI refuses
    // GRE's gre host/host proposal and GRE protection refuses any/any).
    exactProxies: true,
  };
}

const PROTO: Record<string, number> = { ip: 0, icmp: 1, tcp: 6, udp: 17, gre: 47, esp: 50, ospf: 89 };

function proxyOf(a: AclAddress | undefined, protocol: number): ProxyId {
  if (!a || a.kind === 'any') return { ...ANY_PROXY, protocol };
  if (a.kind === 'host') return { address: parseIp(a.address) ?? 0, mask: 0xffffffff, protocol, port: 0 };
  const wild = parseIp(a.wildcard) ?? 0;
  return { address: parseIp(a.address) ?? 0, mask: ~wild >>> 0, protocol, port: 0 };
}

/**
 * The proxy identities of every permit line of a crypto map ACL, in order: IOS keeps one flow
 * (and, once negotiated, one SA pair) per permit line, and `show crypto ipsec sa` lists them all.
 */
export function aclProxies(acl: AccessList): { local: ProxyId; remote: ProxyId }[] {
  const out: { local: ProxyId; remote: ProxyId }[] = [];
  for (const x of acl.entries) {
    if ('remark' in x || x.action !== 'permit') continue;
    const protocol = x.protocol ? (PROTO[x.protocol] ?? (Number(x.protocol) || 0)) : 0;
    out.push({ local: proxyOf(x.source, protocol), remote: acl.kind === 'standard' ? ANY_PROXY : proxyOf(x.destination, protocol) });
  }
  return out;
}

/** The crypto map entries applied to an interface, in sequence order, as policies. */
export function cryptoMapPolicies(dev: Device, i: SimInterface): ProtectedPolicy[] {
  const c = dev.config;
  const mapName = i.config.cryptoMap;
  const local = i.address?.ip;
  if (!mapName || local === undefined) return [];
  const out: ProtectedPolicy[] = [];
  const entries = c.crypto.cryptoMaps.filter((e) => e.name === mapName && !e.dynamicMap).sort((a, b) => a.seq - b.seq);
  for (const e of entries) {
    const peer = e.peers[0] ? parseIp(e.peers[0]) : undefined;
    const acl = e.matchAddress ? c.accessLists.find((l) => l.name === e.matchAddress) : undefined;
    if (peer === undefined || !acl) continue;
    // IOS builds one SA per permit line; the first permit line gives the proxy identities.
    const first = acl.entries.find((x) => !('remark' in x) && x.action === 'permit');
    if (!first || 'remark' in first) continue;
    const protocol = first.protocol ? (PROTO[first.protocol] ?? (Number(first.protocol) || 0)) : 0;
    const pfs = dhGroup(e.pfs);
    out.push({
      kind: 'map',
      interfaceName: i.name,
      map: { name: e.name, seq: e.seq, acl, entry: e },
      name: `${e.name} ${e.seq}`,
      peer,
      localAddress: local,
      local: proxyOf(first.source, protocol),
      remote: acl.kind === 'standard' ? ANY_PROXY : proxyOf(first.destination, protocol),
      transformSets: transformSets(c, e.transformSets),
      ...(pfs ? { pfs } : {}),
      ...lifetime(c, e.lifetime),
    });
  }
  return out;
}

/** Everything this router protects, and the IKE engine's configuration. */
export function vpnConfig(dev: Device): { ike: IkeConfig; policies: ProtectedPolicy[] } {
  const c = dev.config;
  const policies: ProtectedPolicy[] = [];
  for (const i of dev.interfaceList()) {
    if (i.kind === 'tunnel') {
      const p = tunnelPolicy(dev, i);
      if (p) policies.push(p);
    } else policies.push(...cryptoMapPolicies(dev, i));
  }
  const ike: IkeConfig = {
    policies: isakmpPolicies(c),
    keys: presharedKeys(c),
    ipsec: policies,
    natTraversal: !natTransparencyOff(c),
    ...(c.crypto.isakmpNatKeepalive !== undefined ? { natKeepaliveSeconds: c.crypto.isakmpNatKeepalive } : {}),
  };
  return { ike, policies };
}

/** True when the config has anything IPsec would act on. */
export function hasCrypto(c: IosConfig): boolean {
  return c.interfaces.some((i) => i.tunnelProtection || i.cryptoMap || i.tunnelMode === 'ipsec ipv4');
}
