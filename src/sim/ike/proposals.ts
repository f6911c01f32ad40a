// Building and choosing SA proposals: phase 1 (one ISAKMP proposal, one transform per isakmp
// policy, IOS attribute order) and phase 2 (one ESP proposal per transform set).
import {
  type Attribute,
  type IsakmpPayload,
  type Proposal,
  AuthMethod,
  DOI_IPSEC,
  EncapMode,
  EspTransform,
  IpsecAttr,
  IpsecAuth,
  KEY_IKE,
  LifeType,
  Phase1Attr,
  Phase1Encryption,
  Phase1Hash,
  ProtocolId,
  SIT_IDENTITY_ONLY,
  attr,
  findAttr,
} from '../../wire/isakmp';
import type { DhGroup, EspCipherName, EspIntegrityName, IkeHash, IsakmpPolicy, TransformSet } from './types';
import { u32 } from './util';

const ENC_ID = { des: Phase1Encryption.DES, '3des': Phase1Encryption.TripleDES, aes: Phase1Encryption.AES } as const;
const HASH_ID: Record<IkeHash, number> = { md5: Phase1Hash.MD5, sha1: Phase1Hash.SHA, sha256: Phase1Hash.SHA256, sha384: Phase1Hash.SHA384, sha512: Phase1Hash.SHA512 };
const DH_GROUPS: readonly number[] = [1, 2, 5, 14, 19, 20];

/** What both peers agreed on in phase 1. */
export interface Phase1Choice {
  encryption: 'des' | '3des' | 'aes';
  keyBits: number;
  hash: IkeHash;
  group: DhGroup;
  lifetime: number;
  /** The initiator's transform number that was taken. */
  transformNumber: number;
  /** The responder's policy priority that matched (or the initiator's own, on the initiator). */
  priority: number;
}

export function phase1KeyBits(p: Pick<IsakmpPolicy, 'encryption' | 'keyBits'>): number {
  return p.encryption === 'aes' ? (p.keyBits ?? 128) : p.encryption === '3des' ? 192 : 64;
}

function phase1Attributes(p: IsakmpPolicy): Attribute[] {
  const attrs: Attribute[] = [attr(Phase1Attr.Encryption, ENC_ID[p.encryption])];
  if (p.encryption === 'aes') attrs.push(attr(Phase1Attr.KeyLength, p.keyBits ?? 128));
  attrs.push(
    attr(Phase1Attr.Hash, HASH_ID[p.hash]),
    attr(Phase1Attr.Group, p.group),
    attr(Phase1Attr.AuthMethod, p.authentication === 'pre-share' ? AuthMethod.PreShared : AuthMethod.RsaSig),
    attr(Phase1Attr.LifeType, LifeType.Seconds),
    // IOS always sends the duration as a 4-byte variable attribute ("life duration (VPI)").
    { type: Phase1Attr.LifeDuration, bytes: u32(p.lifetime) },
  );
  return attrs;
}

/** Main mode message 1's SA: one ISAKMP proposal, one transform per policy in priority order. */
export function phase1Offer(policies: readonly IsakmpPolicy[]): IsakmpPayload {
  const sorted = [...policies].sort((a, b) => a.priority - b.priority);
  return {
    type: 'sa',
    doi: DOI_IPSEC,
    situation: SIT_IDENTITY_ONLY,
    proposals: [{ number: 1, protocolId: ProtocolId.ISAKMP, spi: new Uint8Array(0), transforms: sorted.map((p, i) => ({ number: i + 1, transformId: KEY_IKE, attributes: phase1Attributes(p) })) }],
  };
}

/** Message 2's SA: the one transform taken, with the initiator's numbering. */
export function phase1Answer(offer: Extract<IsakmpPayload, { type: 'sa' }>, transformNumber: number): IsakmpPayload {
  const prop = offer.proposals[0]!;
  const t = prop.transforms.find((x) => x.number === transformNumber)!;
  return { type: 'sa', doi: offer.doi, situation: offer.situation, proposals: [{ ...prop, transforms: [t] }] };
}

export interface OfferedPhase1 {
  number: number;
  encryption?: 'des' | '3des' | 'aes';
  keyBits: number;
  hash?: IkeHash;
  auth: number | undefined;
  group: number | undefined;
  lifetime: number;
}

/** Reads one offered phase-1 transform into named values (undefined where unknown to us). */
export function readPhase1Transform(attrs: readonly Attribute[], number: number): OfferedPhase1 {
  const enc = findAttr(attrs, Phase1Attr.Encryption);
  const hash = findAttr(attrs, Phase1Attr.Hash);
  const encryption = (Object.keys(ENC_ID) as (keyof typeof ENC_ID)[]).find((k) => ENC_ID[k] === enc);
  const hashName = (Object.keys(HASH_ID) as IkeHash[]).find((k) => HASH_ID[k] === hash);
  const keyLen = findAttr(attrs, Phase1Attr.KeyLength);
  return {
    number,
    encryption,
    keyBits: encryption === 'aes' ? (keyLen ?? 128) : encryption === '3des' ? 192 : 64,
    hash: hashName,
    auth: findAttr(attrs, Phase1Attr.AuthMethod),
    group: findAttr(attrs, Phase1Attr.Group),
    lifetime: findAttr(attrs, Phase1Attr.LifeDuration) ?? 86400,
  };
}

export interface Phase1Check {
  policy: IsakmpPolicy;
  offered: OfferedPhase1;
  /** Undefined when acceptable, else IOS's reason line. */
  mismatch?: string;
}

/**
 * The responder's choice, as IOS makes it: each of its own policies in priority order, against
 * each offered transform in order ("Checking ISAKMP transform 1 against priority 10 policy");
 * the first pair that agrees on encryption (with key length), hash, authentication and group
 * wins. IOS wins over DESIGN.md here (which put the initiator's order outside): Cisco's IKE guide
 * says the remote peer compares its own highest-priority policy first. A lifetime difference
 * never rejects: the shorter lifetime is used.
 */
export function choosePhase1(offer: Extract<IsakmpPayload, { type: 'sa' }>, own: readonly IsakmpPolicy[], hasKey: boolean): { choice?: Phase1Choice; checks: Phase1Check[] } {
  const checks: Phase1Check[] = [];
  const prop = offer.proposals[0];
  if (!prop || prop.protocolId !== ProtocolId.ISAKMP) return { checks };
  const sorted = [...own].sort((a, b) => a.priority - b.priority);
  for (const policy of sorted) {
    for (const t of prop.transforms) {
      const o = readPhase1Transform(t.attributes, t.number);
      const mismatch =
        o.encryption !== policy.encryption || o.keyBits !== phase1KeyBits(policy)
          ? 'Encryption algorithm offered does not match policy!'
          : o.hash !== policy.hash
            ? 'Hash algorithm offered does not match policy!'
            : o.auth !== (policy.authentication === 'pre-share' ? AuthMethod.PreShared : AuthMethod.RsaSig) || !hasKey
              ? 'Preshared authentication offered but does not match policy!'
              : o.group !== policy.group || !DH_GROUPS.includes(o.group)
                ? 'Diffie-Hellman group offered does not match policy!'
                : undefined;
      checks.push(mismatch ? { policy, offered: o, mismatch } : { policy, offered: o });
      if (!mismatch)
        return {
          checks,
          choice: {
            encryption: policy.encryption,
            keyBits: phase1KeyBits(policy),
            hash: policy.hash,
            group: policy.group,
            lifetime: Math.min(o.lifetime, policy.lifetime),
            transformNumber: t.number,
            priority: policy.priority,
          },
        };
    }
  }
  return { checks };
}

// ---------------------------------------------------------------- phase 2

const ESP_ID: Record<EspCipherName, number> = { 'esp-aes': EspTransform.AES, 'esp-3des': EspTransform.TripleDES, 'esp-des': EspTransform.DES, 'esp-null': EspTransform.NULL, 'esp-gcm': EspTransform.AES_GCM_16, 'esp-gmac': 23 };
const AUTH_ID: Record<EspIntegrityName, number> = {
  'esp-md5-hmac': IpsecAuth.HMAC_MD5,
  'esp-sha-hmac': IpsecAuth.HMAC_SHA,
  'esp-sha256-hmac': IpsecAuth.HMAC_SHA2_256,
  'esp-sha384-hmac': IpsecAuth.HMAC_SHA2_384,
  'esp-sha512-hmac': IpsecAuth.HMAC_SHA2_512,
};

export function cipherKeyBits(t: Pick<TransformSet, 'cipher' | 'keyBits'>): number {
  switch (t.cipher) {
    case 'esp-aes':
    case 'esp-gcm':
    case 'esp-gmac':
      return t.keyBits ?? 128;
    case 'esp-3des':
      return 192;
    case 'esp-des':
      return 64;
    case 'esp-null':
      return 0;
  }
}

/** KEYMAT bytes one direction needs: cipher key (+4-byte salt for GCM/GMAC), then integrity key. */
export function keymatLength(t: Pick<TransformSet, 'cipher' | 'keyBits' | 'integrity'>): { enc: number; auth: number } {
  const salt = t.cipher === 'esp-gcm' || t.cipher === 'esp-gmac' ? 4 : 0;
  const auth = { 'esp-md5-hmac': 16, 'esp-sha-hmac': 20, 'esp-sha256-hmac': 32, 'esp-sha384-hmac': 48, 'esp-sha512-hmac': 64 } as const;
  return { enc: cipherKeyBits(t) / 8 + salt, auth: t.integrity ? auth[t.integrity] : 0 };
}

export function transformSetText(t: TransformSet): string {
  const cipher = t.cipher === 'esp-aes' || t.cipher === 'esp-gcm' || t.cipher === 'esp-gmac' ? (t.keyBits && t.keyBits !== 128 ? `${t.cipher} ${t.keyBits}` : t.cipher) : t.cipher;
  return `{${cipher}${t.integrity ? ` ${t.integrity}` : ''} }`;
}

export interface Phase2Options {
  spi: Uint8Array;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
  pfs?: DhGroup;
  natT: boolean;
}

/** One ESP proposal of quick mode message 1: a transform set in one mode. */
export interface Phase2Entry {
  set: TransformSet;
  mode: 'tunnel' | 'transport';
}

/**
 * The proposals an IOS initiator sends, in order. `mode transport` is only a request (IOS):
 * it is offered, followed by the same set in tunnel mode as a fallback, only when the proxy
 * identities are exactly the two peers (GRE between the tunnel endpoints); otherwise, and
 * always for a VTI, the set is offered in tunnel mode.
 */
export function phase2Entries(sets: readonly TransformSet[], endpointsOnly: boolean, tunnelOnly: boolean): Phase2Entry[] {
  return sets.flatMap((set): Phase2Entry[] =>
    set.mode === 'transport' && endpointsOnly && !tunnelOnly
      ? [
          { set, mode: 'transport' },
          { set, mode: 'tunnel' },
        ]
      : [{ set, mode: 'tunnel' }],
  );
}

export function encapValue(mode: 'tunnel' | 'transport', natT: boolean): number {
  if (mode === 'tunnel') return natT ? EncapMode.UdpTunnel : EncapMode.Tunnel;
  return natT ? EncapMode.UdpTransport : EncapMode.Transport;
}

function phase2Attributes(t: TransformSet, mode: 'tunnel' | 'transport', o: Phase2Options): Attribute[] {
  const attrs: Attribute[] = [
    attr(IpsecAttr.EncapsulationMode, encapValue(mode, o.natT)),
    attr(IpsecAttr.SaLifeType, LifeType.Seconds),
    attr(IpsecAttr.SaLifeDuration, o.lifetimeSeconds),
    attr(IpsecAttr.SaLifeType, LifeType.Kilobytes),
    { type: IpsecAttr.SaLifeDuration, bytes: u32(o.lifetimeKilobytes) },
  ];
  if (t.integrity) attrs.push(attr(IpsecAttr.AuthAlgorithm, AUTH_ID[t.integrity]));
  if (t.cipher === 'esp-aes' || t.cipher === 'esp-gcm' || t.cipher === 'esp-gmac') attrs.push(attr(IpsecAttr.KeyLength, cipherKeyBits(t)));
  if (o.pfs) attrs.push(attr(IpsecAttr.GroupDesc, o.pfs));
  return attrs;
}

/** Quick mode message 1's SA: one ESP proposal per entry, numbered from 1, all with our inbound SPI. */
export function phase2Offer(entries: readonly Phase2Entry[], o: Phase2Options): IsakmpPayload {
  return {
    type: 'sa',
    doi: DOI_IPSEC,
    situation: SIT_IDENTITY_ONLY,
    proposals: entries.map((e, i) => ({ number: i + 1, protocolId: ProtocolId.ESP, spi: o.spi, transforms: [{ number: 1, transformId: ESP_ID[e.set.cipher], attributes: phase2Attributes(e.set, e.mode, o) }] })),
  };
}

export interface OfferedPhase2 {
  proposal: Proposal;
  cipher?: EspCipherName;
  keyBits: number;
  integrity?: EspIntegrityName;
  mode?: 'tunnel' | 'transport';
  udp: boolean;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
  pfs?: number;
}

export function readPhase2Proposal(p: Proposal): OfferedPhase2 | undefined {
  const t = p.transforms[0];
  if (!t || p.protocolId !== ProtocolId.ESP) return undefined;
  const a = t.attributes;
  const cipher = (Object.keys(ESP_ID) as EspCipherName[]).find((k) => ESP_ID[k] === t.transformId);
  const authId = findAttr(a, IpsecAttr.AuthAlgorithm);
  const integrity = (Object.keys(AUTH_ID) as EspIntegrityName[]).find((k) => AUTH_ID[k] === authId);
  const encap = findAttr(a, IpsecAttr.EncapsulationMode) ?? EncapMode.Tunnel;
  const mode = encap === EncapMode.Tunnel || encap === EncapMode.UdpTunnel || encap === EncapMode.UdpTunnelDraft ? 'tunnel' : encap === EncapMode.Transport || encap === EncapMode.UdpTransport || encap === EncapMode.UdpTransportDraft ? 'transport' : undefined;
  // Life type/duration come in pairs; read them in order.
  let lifetimeSeconds = 3600;
  let lifetimeKilobytes = 4608000;
  let lifeType = 0;
  for (const x of a) {
    if (x.type === IpsecAttr.SaLifeType) lifeType = 'value' in x ? x.value : 0;
    if (x.type === IpsecAttr.SaLifeDuration) {
      const v = findAttr([x], IpsecAttr.SaLifeDuration)!;
      if (lifeType === LifeType.Seconds) lifetimeSeconds = v;
      if (lifeType === LifeType.Kilobytes) lifetimeKilobytes = v;
    }
  }
  const keyLen = findAttr(a, IpsecAttr.KeyLength);
  return {
    proposal: p,
    cipher,
    keyBits: cipher ? (keyLen ?? cipherKeyBits({ cipher })) : 0,
    integrity,
    mode,
    udp: encap === EncapMode.UdpTunnel || encap === EncapMode.UdpTransport || encap === EncapMode.UdpTunnelDraft || encap === EncapMode.UdpTransportDraft,
    lifetimeSeconds,
    lifetimeKilobytes,
    pfs: findAttr(a, IpsecAttr.GroupDesc),
  };
}

/**
 * Does an offered ESP proposal fit one of our transform sets? Cipher, key length and integrity
 * must agree; mode must agree, except that IOS treats transport mode as a request: a set in
 * transport mode accepts a tunnel-mode offer.
 */
export function matchTransform(o: OfferedPhase2, t: TransformSet, tunnelOnly: boolean): boolean {
  if (o.cipher !== t.cipher || o.keyBits !== cipherKeyBits(t) || o.integrity !== t.integrity || !o.mode) return false;
  const ourMode = tunnelOnly ? 'tunnel' : t.mode;
  return o.mode === ourMode || (ourMode === 'transport' && o.mode === 'tunnel');
}

export function offeredText(o: OfferedPhase2): string {
  const c = o.cipher ?? 'unknown';
  const cipher = c === 'esp-aes' || c === 'esp-gcm' || c === 'esp-gmac' ? (o.keyBits !== 128 ? `${c} ${o.keyBits}` : c) : c;
  return `{${cipher}${o.integrity ? ` ${o.integrity}` : ''} }`;
}

