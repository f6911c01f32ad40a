// The IKEv1 engine's inputs and outputs: configuration as IOS states it (isakmp policies,
// pre-shared keys, transform sets, crypto map / VTI requests), datagrams in and out, logs,
// events, and the IPsec SA pairs handed to the ESP layer. Times are SimTime (microseconds).
import type { DhGroup } from '../../crypto/dh';
import type { IkeHash } from '../../crypto/ikev1-prf';
import type { Ip } from '../addr';
import type { SimTime } from '../scheduler';

export type { DhGroup, IkeHash, Ip, SimTime };

/** `crypto isakmp policy N`. */
export interface IsakmpPolicy {
  priority: number;
  encryption: 'des' | '3des' | 'aes';
  /** AES key length in bits (IOS `encryption aes 256`); default 128. */
  keyBits?: 128 | 192 | 256;
  hash: IkeHash;
  authentication: 'pre-share' | 'rsa-sig';
  group: DhGroup;
  /** Seconds; IOS default 86400. */
  lifetime: number;
}

/** `crypto isakmp key KEY address A [MASK]` or a keyring's `pre-shared-key address A [MASK] key KEY`. */
export interface PresharedKey {
  address: Ip;
  /** 0xffffffff for a host key (the default), 0 for `0.0.0.0 0.0.0.0`. */
  mask: Ip;
  key: string;
}

export type EspCipherName = 'esp-aes' | 'esp-3des' | 'esp-des' | 'esp-null' | 'esp-gcm' | 'esp-gmac';
export type EspIntegrityName = 'esp-md5-hmac' | 'esp-sha-hmac' | 'esp-sha256-hmac' | 'esp-sha384-hmac' | 'esp-sha512-hmac';

/** `crypto ipsec transform-set NAME esp-aes 256 esp-sha-hmac` + `mode tunnel|transport`. */
export interface TransformSet {
  name: string;
  cipher: EspCipherName;
  /** For esp-aes (128/192/256, default 128) and esp-gcm/esp-gmac (128/256, default 128). */
  keyBits?: number;
  integrity?: EspIntegrityName;
  mode: 'tunnel' | 'transport';
}

/** One proxy identity, as IOS prints it: addr/mask/prot/port. */
export interface ProxyId {
  address: Ip;
  mask: Ip;
  /** IP protocol, 0 = any. */
  protocol: number;
  /** 0 = any. */
  port: number;
}

/**
 * What one crypto map entry or one tunnel protection asks for, and what this router accepts as
 * a responder: peer, proxy identities (from the ACL, or any/any for a VTI, or gre host/host),
 * transform sets in order, PFS, lifetimes.
 */
export interface IpsecPolicy {
  /** Caller's key, e.g. "Tunnel0" or "MYMAP 10": returned on every SA and event. */
  name: string;
  /** The peer (`set peer` / `tunnel destination`). */
  peer: Ip;
  /** Our address toward the peer (the outside interface or tunnel source). */
  localAddress: Ip;
  local: ProxyId;
  remote: ProxyId;
  transformSets: TransformSet[];
  /** `set pfs groupN`. */
  pfs?: DhGroup;
  /** `set security-association lifetime seconds`, IOS default 3600. */
  lifetimeSeconds?: number;
  /** IOS default 4608000. */
  lifetimeKilobytes?: number;
  /** A VTI: always negotiates tunnel mode whatever the transform set says. */
  tunnelOnly?: boolean;
  /**
   * A protected tunnel (VTI or GRE + tunnel protection): as a responder it accepts only its own
   * proxy identities exactly (any/any for a VTI, `gre host SRC host DST` for GRE), never a
   * narrower subset the way a crypto map ACL does. IOS refuses the rest with "proxy identities
   * not supported", so a GRE end and a VTI end never agree.
   */
  exactProxies?: boolean;
}

export interface IkeConfig {
  policies: IsakmpPolicy[];
  keys: PresharedKey[];
  /** Policies this router initiates with and accepts as a responder. */
  ipsec: IpsecPolicy[];
  /** `crypto ipsec nat-transparency udp-encapsulation` (IOS default on). */
  natTraversal?: boolean;
  /** `crypto isakmp nat keepalive N`, seconds; 0 turns keepalives off. Default 20. */
  natKeepaliveSeconds?: number;
  /** Phase 1/2 retransmission interval (IOS about 10 s) and count (5). */
  retransmitSeconds?: number;
  retransmitLimit?: number;
}

/** A UDP datagram to or from port 500/4500. On 4500 the payload carries the 4-byte non-ESP marker. */
export interface IkeDatagram {
  srcIp: Ip;
  srcPort: number;
  dstIp: Ip;
  dstPort: number;
  payload: Uint8Array;
}

export interface IkeLog {
  /** 'debug': `debug crypto isakmp` / `debug crypto ipsec` output; 'syslog': a %CRYPTO message. */
  kind: 'debug' | 'syslog';
  /** For debug lines: shown under `debug crypto isakmp` or `debug crypto ipsec`. */
  facility?: 'isakmp' | 'ipsec';
  /** One message; IOS multi-line debug entries (IPSEC(sa_request) ...) contain newlines. */
  text: string;
}

export interface EspKeys {
  /** SPI as an unsigned 32-bit number. */
  spi: number;
  encryptionKey: Uint8Array;
  /** Empty for esp-gcm/esp-gmac and for no integrity. */
  integrityKey: Uint8Array;
}

/** One negotiated IPsec SA bundle: the inbound and outbound ESP SAs, ready for the ESP layer. */
export interface IpsecSaPair {
  policy: string;
  local: Ip;
  peer: Ip;
  localProxy: ProxyId;
  remoteProxy: ProxyId;
  transformSet: string;
  cipher: EspCipherName;
  /** Cipher key length in bits (AES 128/192/256, 3DES 192, DES 64, GCM 128/256, null 0). */
  keyBits: number;
  integrity?: EspIntegrityName;
  mode: 'tunnel' | 'transport';
  /** Set when NAT-T is in use: ESP in UDP between these ports (peer port as seen, maybe NATed). */
  udpEncap?: { localPort: number; remotePort: number };
  inbound: EspKeys;
  outbound: EspKeys;
  /** PFS group used, if any. */
  pfs?: DhGroup;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
  createdAt: SimTime;
  expiresAt: SimTime;
  /** ISAKMP SA conn-id that negotiated it. */
  connId: number;
}

export type FailureKind =
  | 'no-isakmp-policy'
  | 'no-key'
  | 'psk-mismatch'
  | 'transform-mismatch'
  | 'proxy-mismatch'
  | 'peer-unreachable'
  | 'peer-rejected'
  | 'malformed';

export type IkeEvent =
  | { type: 'isakmp-up'; peer: Ip; connId: number; natDetected: boolean }
  | { type: 'isakmp-down'; peer: Ip; connId: number; reason: string }
  | { type: 'ipsec-up'; sa: IpsecSaPair }
  | { type: 'ipsec-down'; sa: IpsecSaPair; reason: string }
  | { type: 'failure'; kind: FailureKind; peer: Ip; policy?: string; explanation: string };

export interface IkeOutput {
  send: IkeDatagram[];
  logs: IkeLog[];
  events: IkeEvent[];
}

/** One line of `show crypto isakmp sa`. */
export interface IsakmpSaRow {
  /** The responder's address (IOS prints the SA in the initiator -> responder direction). */
  dst: Ip;
  /** The initiator's address. */
  src: Ip;
  /** This router's address and the peer's, for `show crypto isakmp sa detail`. */
  local: Ip;
  remote: Ip;
  state: 'MM_NO_STATE' | 'MM_SA_SETUP' | 'MM_KEY_EXCH' | 'QM_IDLE';
  connId: number;
  status: 'ACTIVE' | 'ACTIVE (deleted)';
  /** Extra detail for `show crypto isakmp sa detail`. */
  encryption: string;
  hash: string;
  auth: 'psk';
  group: number | undefined;
  /** Seconds left of the ISAKMP SA lifetime (0 before it is up). */
  remainingSeconds: number;
  natT: boolean;
}
