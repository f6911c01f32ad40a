// Small helpers of the IKE engine: bytes, proxy identities as ID payloads, NAT-D hashes,
// pre-shared key lookup, IOS state names.
import { hash, type IkeHash } from '../../crypto/ikev1-prf';
import { type IsakmpPayload, IdType, idIpv4, idIpv4Subnet } from '../../wire/isakmp';
import { formatIp, ipFromBytes, ipToBytes } from '../addr';
import type { Ip, PresharedKey, ProxyId } from './types';

// The engine's files take their byte helpers from here; the bodies live in wire/bytes and crypto.
export { concatBytes as concat, toHex as hex } from '../../wire/bytes';
export { bytesEqual as equalBytes } from '../../crypto/hmac';

export const NON_ESP_MARKER = new Uint8Array(4);

export function u16(v: number): Uint8Array {
  return new Uint8Array([(v >>> 8) & 255, v & 255]);
}

export function u32(v: number): Uint8Array {
  return new Uint8Array([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}

export function readU32(b: Uint8Array): number {
  return b.length < 4 ? 0 : ipFromBytes(b, 0);
}

/** NAT-D = HASH(CKY-I | CKY-R | IP | Port), RFC 3947 §3.2. */
export function natdHash(h: IkeHash, ckyI: Uint8Array, ckyR: Uint8Array, ip: Ip, port: number): Uint8Array {
  return hash(h, ckyI, ckyR, ipToBytes(ip), u16(port));
}

/** A proxy identity as IOS sends it: ID_IPV4_ADDR for a host, ID_IPV4_ADDR_SUBNET otherwise. */
export function proxyToId(p: ProxyId): IsakmpPayload {
  return p.mask >>> 0 === 0xffffffff ? idIpv4(p.address, p.protocol, p.port) : idIpv4Subnet(p.address, p.mask, p.protocol, p.port);
}

export function idToProxy(p: IsakmpPayload | undefined): ProxyId | undefined {
  if (!p || p.type !== 'id') return undefined;
  if (p.idType === IdType.IPv4Addr && p.data.length === 4) return { address: ipFromBytes(p.data, 0), mask: 0xffffffff, protocol: p.protocolId, port: p.port };
  if (p.idType === IdType.IPv4Subnet && p.data.length === 8) return { address: ipFromBytes(p.data, 0), mask: ipFromBytes(p.data, 4), protocol: p.protocolId, port: p.port };
  return undefined;
}

/** Is `inner` inside `outer` (addresses, and protocol/port where `outer` names one)? */
export function proxyWithin(inner: ProxyId, outer: ProxyId): boolean {
  const mask = outer.mask >>> 0;
  if ((inner.mask & mask) >>> 0 !== mask) return false;
  if (((inner.address & mask) >>> 0) !== ((outer.address & mask) >>> 0)) return false;
  if (outer.protocol !== 0 && inner.protocol !== outer.protocol) return false;
  if (outer.port !== 0 && inner.port !== outer.port) return false;
  return true;
}

/** IOS prints proxies as "10.1.1.0/255.255.255.0/0/0". */
/** Same address, mask, protocol and port (a protected tunnel's responder test). */
export function proxyEqual(a: ProxyId, b: ProxyId): boolean {
  return a.address >>> 0 === b.address >>> 0 && a.mask >>> 0 === b.mask >>> 0 && a.protocol === b.protocol && a.port === b.port;
}

export function proxyText(p: ProxyId): string {
  return `${formatIp(p.address)}/${formatIp(p.mask >>> 0)}/${p.protocol}/${p.port}`;
}

/** The most specific pre-shared key covering `peer` (host keys before wildcard keys). */
export function findKey(keys: readonly PresharedKey[], peer: Ip): PresharedKey | undefined {
  let best: PresharedKey | undefined;
  let bestLen = -1;
  for (const k of keys) {
    const mask = k.mask >>> 0;
    if (((peer & mask) >>> 0) !== ((k.address & mask) >>> 0)) continue;
    const len = popcount(mask);
    if (len > bestLen) {
      best = k;
      bestLen = len;
    }
  }
  return best;
}

function popcount(v: number): number {
  let n = 0;
  for (let x = v >>> 0; x; x >>>= 1) n += x & 1;
  return n;
}

/** The internal IKE state machine names IOS prints in `debug crypto isakmp`. */
export type MmState =
  | 'IKE_READY'
  | 'IKE_I_MM1'
  | 'IKE_I_MM2'
  | 'IKE_I_MM3'
  | 'IKE_I_MM4'
  | 'IKE_I_MM5'
  | 'IKE_I_MM6'
  | 'IKE_R_MM1'
  | 'IKE_R_MM2'
  | 'IKE_R_MM3'
  | 'IKE_R_MM4'
  | 'IKE_R_MM5'
  | 'IKE_P1_COMPLETE'
  | 'IKE_DEST_SA';

/** The state `show crypto isakmp sa` prints for an internal state. */
export function showState(s: MmState): 'MM_NO_STATE' | 'MM_SA_SETUP' | 'MM_KEY_EXCH' | 'QM_IDLE' {
  switch (s) {
    case 'IKE_I_MM3':
    case 'IKE_I_MM4':
    case 'IKE_R_MM2':
    case 'IKE_R_MM3':
      return 'MM_SA_SETUP';
    case 'IKE_I_MM5':
    case 'IKE_I_MM6':
    case 'IKE_R_MM4':
    case 'IKE_R_MM5':
      return 'MM_KEY_EXCH';
    case 'IKE_P1_COMPLETE':
      return 'QM_IDLE';
    default:
      return 'MM_NO_STATE';
  }
}

/**
 * What a UDP 4500 payload is (RFC 3948 §2): a NAT keepalive (one 0xFF byte), IKE (behind the
 * 4-byte zero non-ESP marker), or ESP (a non-zero SPI first). The datapath sends 'ike' and
 * 'keepalive' to IkeEngine.receive() (which ignores keepalives) and 'esp' to the ESP layer.
 */
export function classifyNatTPayload(payload: Uint8Array): 'keepalive' | 'ike' | 'esp' | 'invalid' {
  if (payload.length === 1 && payload[0] === 0xff) return 'keepalive';
  if (payload.length < 4) return 'invalid';
  return readU32(payload) === 0 ? 'ike' : 'esp';
}
