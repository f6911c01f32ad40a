// Data for the crypto show commands (filled by the IPsec/IKE engine).

/** One row of `show crypto isakmp sa`. */
export interface IsakmpSaRow {
  dst: string;
  src: string;
  /** MM_NO_STATE, MM_SA_SETUP, MM_KEY_EXCH, MM_KEY_AUTH, QM_IDLE, ... */
  state: string;
  connId: number;
  /** ACTIVE, or DELETED for a dying SA. */
  status: string;
}

export interface EspSaData {
  spi: number;
  /** `esp-aes esp-sha-hmac`, `esp-256-aes esp-sha256-hmac`, as IOS names them. */
  transform: string;
  /** `{Tunnel, }`, `{Transport, }`, `{Tunnel UDP-Encaps, }`. */
  settings: string;
  connId: number;
  flowId: string;
  cryptoMap: string;
  remainingKb: number;
  remainingSec: number;
  ivSize: number;
  replayWindow?: number;
}

/** One protected flow of `show crypto ipsec sa` (an interface, a crypto map tag, its SAs). */
export interface IpsecSaData {
  interface: string;
  cryptoMapTag: string;
  localAddress: string;
  localIdent: { address: string; mask: string; protocol: number; port: number };
  remoteIdent: { address: string; mask: string; protocol: number; port: number };
  peer: string;
  peerPort: number;
  /** `origin_is_acl,` for a map or a VTI. */
  flags: string;
  encaps: number;
  encrypt: number;
  digest: number;
  decaps: number;
  decrypt: number;
  verify: number;
  sendErrors: number;
  recvErrors: number;
  localEndpoint: string;
  remoteEndpoint: string;
  plaintextMtu: number;
  pathMtu: number;
  ipMtu: number;
  ipMtuIdb: string;
  outboundSpi: number;
  pfs: boolean;
  dhGroup?: string;
  inbound: EspSaData[];
  outbound: EspSaData[];
  /** detail counters */
  droppedOther?: number;
}

export interface CryptoSessionData {
  interface: string;
  profile?: string;
  uptime?: string;
  status: 'UP-ACTIVE' | 'UP-IDLE' | 'UP-NO-IKE' | 'DOWN-NEGOTIATING' | 'DOWN';
  peer: string;
  peerPort: number;
  /** IKE SAs: local, remote, state, version. */
  ikeSas: { local: string; localPort: number; remote: string; remotePort: number; status: string; connId?: number; capabilities?: string; lifetime?: string }[];
  flows: { description: string; activeSas: number; origin: string; inboundPackets?: number; outboundPackets?: number; inboundDrops?: number; outboundDrops?: number; inboundKbLeft?: number; outboundKbLeft?: number }[];
}

export interface CryptoMapData {
  name: string;
  seq: number;
  kind: string;
  peer?: string;
  acl?: { name: string; lines: string[]; kind?: 'standard' | 'extended' };
  currentPeer?: string;
  securityAssociationLifetime: { kilobytes: number; seconds: number };
  pfs: string;
  transformSets: { name: string; transforms: string; mode: string }[];
  interfaces: string[];
  isakmpProfile?: string;
  /** A protected tunnel's entries (`Tunnel0-head-0`): the profile template (65536) names its profile. */
  profileName?: string;
  /** The per-peer entry IOS instantiates from the profile (65537): `Map is a PROFILE INSTANCE.` */
  profileInstance?: boolean;
}
