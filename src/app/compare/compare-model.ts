// The compare view's numbers, built by the engine: one inner ICMP echo packet, wrapped in each
// encapsulation with the real builders (src/wire for IPv4 and GRE, src/sim/ipsec for ESP with
// the chosen transform set, real keys and real padding). Every bar segment is a measured part of
// a built packet, and the segments add up to the built packet's length.
import { SeededRandom } from '../../crypto/rng';
import { splitEspKeymat, espKeymatLength } from '../../crypto/esp-suite';
import { ESP_CIPHERS, ESP_INTEGRITIES, type EspCipherId, type EspIntegrityId } from '../../crypto/esp-transforms';
import { espEncapsulate } from '../../sim/ipsec/esp-process';
import { createEspSa, type EspMode } from '../../sim/ipsec/sa';
import { ESP_HEADER_LEN } from '../../wire/esp';
import { emitGre } from '../../wire/gre';
import { emitIcmp } from '../../wire/icmp';
import { emitIpv4, IPV4_HEADER_LEN } from '../../wire/ipv4';
import { UDP_HEADER_LEN } from '../../wire/udp';

export type VariantId = 'plain' | 'gre' | 'gre-ipsec-transport' | 'gre-ipsec-tunnel' | 'vti';

export interface TransformChoice {
  cipher: EspCipherId;
  /** null: none (required for GCM, which authenticates by itself). */
  integrity: EspIntegrityId | null;
}

export type SegmentKind = 'outer-ip' | 'udp' | 'esp-header' | 'esp-iv' | 'delivery-ip' | 'gre' | 'inner' | 'esp-trailer' | 'esp-icv';

export interface Segment {
  kind: SegmentKind;
  label: string;
  bytes: number;
  /** Inside the ESP ciphertext. */
  encrypted: boolean;
}

export interface CompareRow {
  variant: VariantId;
  natT: boolean;
  title: string;
  /** The IOS lines that make this encapsulation. */
  config: string;
  packet: Uint8Array;
  segments: Segment[];
  total: number;
  overhead: number;
  /** Largest inner packet that still fits `pathMtu` unfragmented, found by building packets. */
  plaintextMtu: number;
}

export const VARIANTS: ReadonlyArray<{ id: VariantId; title: string; config: string; esp: EspMode | null; gre: boolean }> = [
  { id: 'plain', title: 'Plain IP', config: 'no tunnel', esp: null, gre: false },
  { id: 'gre', title: 'GRE', config: 'tunnel mode gre ip', esp: null, gre: true },
  { id: 'gre-ipsec-transport', title: 'GRE/IPsec transport', config: 'tunnel mode gre ip + tunnel protection, mode transport', esp: 'transport', gre: true },
  { id: 'gre-ipsec-tunnel', title: 'GRE/IPsec tunnel', config: 'tunnel mode gre ip + tunnel protection, mode tunnel', esp: 'tunnel', gre: true },
  { id: 'vti', title: 'IPsec VTI', config: 'tunnel mode ipsec ipv4 + tunnel protection', esp: 'tunnel', gre: false },
];

/** What each carries and protects: true facts about the encapsulations, not about a build. */
export const CAPABILITIES: ReadonlyArray<{ variant: VariantId; multicast: string; nonIp: string; innerHeader: string; greHeader: string }> = [
  { variant: 'plain', multicast: 'on its own link only', nonIp: '-', innerHeader: 'no (sent in clear)', greHeader: '-' },
  { variant: 'gre', multicast: 'yes (OSPF forms over it)', nonIp: 'yes (any protocol type)', innerHeader: 'no (sent in clear)', greHeader: 'no (sent in clear)' },
  { variant: 'gre-ipsec-transport', multicast: 'yes, inside GRE', nonIp: 'yes, inside GRE', innerHeader: 'yes (encrypted)', greHeader: 'yes (encrypted)' },
  { variant: 'gre-ipsec-tunnel', multicast: 'yes, inside GRE', nonIp: 'yes, inside GRE', innerHeader: 'yes (encrypted)', greHeader: 'yes, with the delivery header' },
  { variant: 'vti', multicast: 'yes (OSPF forms over a VTI)', nonIp: 'no (IPv4 only)', innerHeader: 'yes (encrypted)', greHeader: '- (no GRE)' },
];

export const CIPHER_CHOICES = ESP_CIPHERS;
export const INTEGRITY_CHOICES = ESP_INTEGRITIES;

const INNER_SRC = '10.1.1.10';
const INNER_DST = '10.2.2.10';
const TUNNEL_SRC = '203.0.113.1';
const TUNNEL_DST = '203.0.113.2';

/** An ICMP echo request of `size` bytes in all (IOS ping size), filled as IOS fills it. */
export function innerPacket(size: number): Uint8Array {
  const data = new Uint8Array(Math.max(0, size - IPV4_HEADER_LEN - 8));
  for (let i = 0; i < data.length; i++) data[i] = i % 2 === 0 ? 0xab : 0xcd;
  return emitIpv4({ src: INNER_SRC, dst: INNER_DST, protocol: 1, ttl: 254, id: 1 }, emitIcmp({ kind: 'echo-request', code: 0, id: 1, seq: 0, data }));
}

function greWrap(inner: Uint8Array): Uint8Array {
  return emitIpv4({ src: TUNNEL_SRC, dst: TUNNEL_DST, protocol: 47, ttl: 255, id: 2 }, emitGre({ protocolType: 0x0800 }, inner));
}

export function validTransform(t: TransformChoice): TransformChoice {
  const cipher = ESP_CIPHERS.find((c) => c.id === t.cipher) ?? ESP_CIPHERS[0]!;
  return { cipher: cipher.id, integrity: cipher.aead ? null : t.integrity };
}

/** Builds one variant around an inner packet of `size` bytes. */
export function buildVariant(variant: VariantId, natT: boolean, size: number, choice: TransformChoice): { packet: Uint8Array; segments: Segment[] } {
  const v = VARIANTS.find((x) => x.id === variant)!;
  const inner = innerPacket(size);
  const greOuter = v.gre ? greWrap(inner) : inner;
  if (!v.esp) {
    const segments: Segment[] = v.gre
      ? [
          { kind: 'delivery-ip', label: 'IPv4 delivery header', bytes: IPV4_HEADER_LEN, encrypted: false },
          { kind: 'gre', label: 'GRE', bytes: greOuter.length - IPV4_HEADER_LEN - inner.length, encrypted: false },
          { kind: 'inner', label: 'Inner packet', bytes: inner.length, encrypted: false },
        ]
      : [{ kind: 'inner', label: 'Inner packet', bytes: inner.length, encrypted: false }];
    return { packet: greOuter, segments };
  }
  const t = validTransform(choice);
  const cipher = ESP_CIPHERS.find((c) => c.id === t.cipher)!;
  const integrity = t.integrity ? ESP_INTEGRITIES.find((x) => x.id === t.integrity)! : null;
  const rng = new SeededRandom(`compare/${variant}`);
  const keys = splitEspKeymat(cipher, integrity, rng.bytes(espKeymatLength(cipher, integrity)));
  const sa = createEspSa({
    spi: 0x1000,
    mode: v.esp,
    cipher,
    integrity,
    keys,
    source: TUNNEL_SRC,
    destination: TUNNEL_DST,
    ...(natT ? { udpEncap: { srcPort: 4500, dstPort: 4500 } } : {}),
    rng,
  });
  const built = espEncapsulate(sa, greOuter);
  if (!built.ok) throw new Error(`ESP build failed: ${built.reason}`);
  const packet = built.packet;
  const icv = cipher.icvLength + (integrity?.icvLength ?? 0);
  // What ESP carries: the whole GRE/inner packet in tunnel mode; in transport mode the packet's
  // payload (its IPv4 header stays outside as the outer header).
  const carried: Segment[] = [];
  if (v.esp === 'tunnel' && v.gre) carried.push({ kind: 'delivery-ip', label: 'IPv4 delivery header', bytes: IPV4_HEADER_LEN, encrypted: true });
  if (v.gre) carried.push({ kind: 'gre', label: 'GRE', bytes: greOuter.length - IPV4_HEADER_LEN - inner.length, encrypted: true });
  carried.push({ kind: 'inner', label: 'Inner packet', bytes: inner.length, encrypted: true });
  const head: Segment[] = [
    { kind: 'outer-ip', label: v.esp === 'transport' ? 'IPv4 (GRE delivery header, kept)' : 'Outer IPv4', bytes: IPV4_HEADER_LEN, encrypted: false },
    ...(natT ? [{ kind: 'udp' as const, label: 'UDP 4500 (NAT-T)', bytes: UDP_HEADER_LEN, encrypted: false }] : []),
    { kind: 'esp-header', label: 'ESP header (SPI, sequence)', bytes: ESP_HEADER_LEN, encrypted: false },
    ...(cipher.ivLength > 0 ? [{ kind: 'esp-iv' as const, label: 'IV', bytes: cipher.ivLength, encrypted: false }] : []),
  ];
  const known = [...head, ...carried].reduce((n, s) => n + s.bytes, 0) + icv;
  const segments: Segment[] = [
    ...head,
    ...carried,
    { kind: 'esp-trailer', label: 'ESP padding + trailer', bytes: packet.length - known, encrypted: true },
    ...(icv > 0 ? [{ kind: 'esp-icv' as const, label: 'ICV', bytes: icv, encrypted: false }] : []),
  ];
  return { packet, segments };
}

/** The largest inner packet whose built form fits `pathMtu`, by building (lengths grow monotonically). */
export function measuredPlaintextMtu(variant: VariantId, natT: boolean, choice: TransformChoice, pathMtu = 1500): number {
  const length = (n: number) => buildVariant(variant, natT, n, choice).packet.length;
  let n = Math.max(64, pathMtu - (length(pathMtu - 200) - (pathMtu - 200)));
  while (n > 64 && length(n) > pathMtu) n--;
  while (length(n + 1) <= pathMtu) n++;
  return n;
}

export function compareRows(size: number, choice: TransformChoice, pathMtu = 1500): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const v of VARIANTS) {
    for (const natT of v.esp ? [false, true] : [false]) {
      const { packet, segments } = buildVariant(v.id, natT, size, choice);
      rows.push({
        variant: v.id,
        natT,
        title: natT ? `${v.title} + NAT-T` : v.title,
        config: v.config,
        packet,
        segments,
        total: packet.length,
        overhead: packet.length - size,
        plaintextMtu: measuredPlaintextMtu(v.id, natT, choice, pathMtu),
      });
    }
  }
  return rows;
}

/** What `show crypto ipsec sa` prints as plaintext mtu for a row: IPsec's plaintext is the GRE packet when GRE is protected. */
export function iosPlaintextMtu(r: { variant: string; plaintextMtu: number }): number | undefined {
  if (r.variant === 'vti') return r.plaintextMtu;
  if (r.variant === 'gre-ipsec-transport' || r.variant === 'gre-ipsec-tunnel') return r.plaintextMtu + GRE_DELIVERY_BYTES;
  return undefined;
}

/** The GRE delivery IPv4 header (20) and the basic GRE header (4). */
const GRE_DELIVERY_BYTES = 24;
