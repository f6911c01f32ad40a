// The device configuration model: plain, JSON-serialisable data that the simulation reads and
// the console edits. IOS defaults are the absent/false values here, so a field that is unset is
// exactly a line that running-config does not write. Addresses stay dotted-quad strings: this is
// the text-facing model; the engine converts to numbers where it needs speed.

export type TunnelMode = 'gre ip' | 'gre multipoint' | 'ipsec ipv4' | 'ipip' | 'gre ipv6' | 'ipsec ipv6';
export type OspfNetworkType = 'point-to-point' | 'broadcast' | 'non-broadcast' | 'point-to-multipoint';

export interface IpAddressMask {
  address: string;
  mask: string;
}

export interface InterfaceConfig {
  /** Canonical full name: GigabitEthernet1, GigabitEthernet0/1, Ethernet0, Loopback0, Tunnel0. */
  name: string;
  description?: string;
  /** Primary address; absent means `no ip address`. */
  ipAddress?: IpAddressMask;
  secondaryAddresses: IpAddressMask[];
  ipMtu?: number;
  natRole?: 'inside' | 'outside';
  tcpAdjustMss?: number;
  ospfNetwork?: OspfNetworkType;
  ospfCost?: number;
  ospfHelloInterval?: number;
  ospfDeadInterval?: number;
  ospfPriority?: number;
  /** `ip ospf 1 area 0`: the interface joins OSPF directly, without a network statement. */
  ospfArea?: { processId: number; area: string };
  /** `shutdown` written: administratively down. Absent line = up. */
  shutdown: boolean;
  cryptoMap?: string;
  /** Interface name (canonical) or IPv4 address. */
  tunnelSource?: string;
  /** Default `gre ip`, which running-config does not write. */
  tunnelMode: TunnelMode;
  tunnelDestination?: string;
  tunnelKey?: number;
  tunnelPathMtuDiscovery: boolean;
  tunnelProtection?: { profile: string; shared: boolean };
  /** Sub-mode lines the model does not know, verbatim (trimmed), in order. */
  extra: string[];
}

export interface StaticRoute {
  prefix: string;
  mask: string;
  /** Canonical interface name when the route names an exit interface. */
  interface?: string;
  nextHop?: string;
  distance?: number;
  name?: string;
  permanent?: boolean;
}

export interface OspfNetwork {
  address: string;
  wildcard: string;
  /** As written: "0" or "0.0.0.0". */
  area: string;
}

export interface OspfProcess {
  processId: number;
  routerId?: string;
  passiveDefault: boolean;
  passiveInterfaces: string[];
  /** With passive-interface default: the `no passive-interface X` exceptions. */
  nonPassiveInterfaces: string[];
  networks: OspfNetwork[];
  extra: string[];
}

export type IsakmpEncryption = 'des' | '3des' | 'aes';
export type IsakmpHash = 'sha' | 'sha256' | 'sha384' | 'sha512' | 'md5';
export type IsakmpAuth = 'pre-share' | 'rsa-sig' | 'rsa-encr';

export interface IsakmpPolicy {
  priority: number;
  /** IOS default des. */
  encryption: IsakmpEncryption;
  /** For aes: 128 (default, not written), 192, 256. */
  keyLength?: number;
  /** IOS default sha. */
  hash: IsakmpHash;
  /** IOS default rsa-sig. */
  authentication: IsakmpAuth;
  /** IOS default 1. */
  group: number;
  /** Seconds, IOS default 86400. */
  lifetime: number;
  extra: string[];
}

export interface IsakmpKey {
  key: string;
  /** 0 (clear, not written) or 6 (encrypted). */
  encryptionType?: number;
  address: string;
  mask?: string;
  noXauth?: boolean;
}

export interface Keyring {
  name: string;
  localAddress?: string;
  preSharedKeys: { address: string; mask?: string; key: string }[];
  extra: string[];
}

export interface IsakmpProfile {
  name: string;
  keyrings: string[];
  selfIdentity?: string;
  /** IOS always writes the mask (255.255.255.255 for one host). */
  matchIdentities: { address: string; mask: string }[];
  keepalive?: { interval: number; retry: number };
  localAddress?: string;
  extra: string[];
}

/** One transform of a set as written: `esp-aes` with keyBits 256, `esp-sha-hmac`, `ah-md5-hmac`. */
export interface Transform {
  name: string;
  keyBits?: number;
}

export interface TransformSet {
  name: string;
  transforms: Transform[];
  mode: 'tunnel' | 'transport';
  extra: string[];
}

export interface SaLifetime {
  seconds?: number;
  kilobytes?: number;
}

export interface IpsecProfile {
  name: string;
  transformSets: string[];
  /** e.g. "group14". */
  pfs?: string;
  lifetime: SaLifetime;
  isakmpProfile?: string;
  extra: string[];
}

export interface CryptoMapEntry {
  name: string;
  seq: number;
  /** `crypto map M 30 ipsec-isakmp dynamic DMAP`. */
  dynamicMap?: string;
  description?: string;
  peers: string[];
  lifetime: SaLifetime;
  transformSets: string[];
  pfs?: string;
  isakmpProfile?: string;
  matchAddress?: string;
  extra: string[];
}

export interface CryptoConfig {
  keyrings: Keyring[];
  isakmpPolicies: IsakmpPolicy[];
  isakmpKeys: IsakmpKey[];
  isakmpKeepalive?: { interval: number; retry?: number; mode?: 'periodic' | 'on-demand' };
  isakmpNatKeepalive?: number;
  isakmpProfiles: IsakmpProfile[];
  transformSets: TransformSet[];
  /** Global `crypto ipsec df-bit`; default copy (not written). */
  dfBit: 'copy' | 'clear' | 'set';
  /** Global `crypto ipsec security-association lifetime`. */
  saLifetime: SaLifetime;
  /** `no crypto ipsec nat-transparency udp-encapsulation` (NAT-T is on by default). */
  natTransparencyOff?: boolean;
  ipsecProfiles: IpsecProfile[];
  cryptoMaps: CryptoMapEntry[];
}

export type AclAddress = { kind: 'any' } | { kind: 'host'; address: string } | { kind: 'net'; address: string; wildcard: string };
export type AclPort = { op: 'eq' | 'neq' | 'lt' | 'gt'; port: number } | { op: 'range'; port: number; to: number };

export interface AclEntry {
  action: 'permit' | 'deny';
  /** Extended only: ip, icmp, tcp, udp, gre, esp, ahp, ospf or a number. */
  protocol?: string;
  source: AclAddress;
  sourcePort?: AclPort;
  destination?: AclAddress;
  destinationPort?: AclPort;
  /** Trailing words kept as written: `log`, `established`, an ICMP type ... */
  options?: string;
}

export type AclLine = { remark: string } | AclEntry;

export interface AccessList {
  /** "101" for a numbered list, else the name. */
  name: string;
  kind: 'standard' | 'extended';
  numbered: boolean;
  entries: AclLine[];
  extra: string[];
}

export interface NatPool {
  name: string;
  start: string;
  end: string;
  netmask?: string;
  prefixLength?: number;
}

export interface NatStatic {
  local: string;
  global: string;
  extendable?: boolean;
}

export interface NatSourceList {
  acl: string;
  interface?: string;
  pool?: string;
  overload: boolean;
}

export interface NatConfig {
  pools: NatPool[];
  insideStatic: NatStatic[];
  insideSourceLists: NatSourceList[];
  serviceIpsecEsp: boolean;
}

/** Where a top-level block the model does not know sits: after which group of sections. */
export type SectionGroup = 'start' | 'hostname' | 'crypto' | 'interfaces' | 'routers' | 'global-ip' | 'nat' | 'routes' | 'acl';

export interface UnknownBlock {
  after: SectionGroup;
  /** Verbatim lines (indentation kept): the header and its indented children. */
  lines: string[];
}

export interface IosConfig {
  hostname: string;
  /** `no ip routing` sets false (hosts). */
  ipRouting: boolean;
  defaultGateway?: string;
  crypto: CryptoConfig;
  interfaces: InterfaceConfig[];
  ospf: OspfProcess[];
  nat: NatConfig;
  routes: StaticRoute[];
  accessLists: AccessList[];
  unknown: UnknownBlock[];
}

export function emptyConfig(hostname = 'Router'): IosConfig {
  return {
    hostname,
    ipRouting: true,
    crypto: {
      keyrings: [],
      isakmpPolicies: [],
      isakmpKeys: [],
      isakmpProfiles: [],
      transformSets: [],
      dfBit: 'copy',
      saLifetime: {},
      ipsecProfiles: [],
      cryptoMaps: [],
    },
    interfaces: [],
    ospf: [],
    nat: { pools: [], insideStatic: [], insideSourceLists: [], serviceIpsecEsp: false },
    routes: [],
    accessLists: [],
    unknown: [],
  };
}

export function newInterface(name: string): InterfaceConfig {
  return { name, secondaryAddresses: [], shutdown: false, tunnelMode: 'gre ip', tunnelPathMtuDiscovery: false, extra: [] };
}

export function newIsakmpPolicy(priority: number): IsakmpPolicy {
  return { priority, encryption: 'des', hash: 'sha', authentication: 'rsa-sig', group: 1, lifetime: 86400, extra: [] };
}

export function newOspf(processId: number): OspfProcess {
  return { processId, passiveDefault: false, passiveInterfaces: [], nonPassiveInterfaces: [], networks: [], extra: [] };
}

export function cloneConfig(c: IosConfig): IosConfig {
  return structuredClone(c);
}
