// scapy's bind_layers as one table. Each row says "under `lower`, key K means `upper`": the
// dissector walk uses it to pick the payload's decoder from the keys a layer reports
// (DissectStep.bindKeys), and builders use the same rows backwards to fill next-protocol fields
// (bindValue('ipv4', 'gre') === 47), so the two directions can never disagree.
import { dissectArp } from './arp';
import { field, toHex } from './bytes';
import { dissectEsp } from './esp';
import { dissectEthernet, emitEthernet, type EthernetHeader } from './ethernet';
import { dissectGre, emitGre, type GreFields } from './gre';
import { ICMP_QUOTE_KEY, dissectIcmp } from './icmp';
import { dissectIpv4, dissectIpv4Quote, emitIpv4, type Ipv4Fields } from './ipv4';
import { dissectIsakmp } from './isakmp';
import type { DissectLayer, DissectStep, Dissector } from './layer';
import { dissectOspf } from './ospf';
import { dissectUdp, dissectUdpWith, emitUdp, type UdpFields } from './udp';
import { dissectUdpEncap } from './udp-encap';

export interface Binding {
  lower: string;
  key: number;
  upper: string;
}

const bindings: Binding[] = [];
const dissectors = new Map<string, Dissector>();

/** Adds a row (scapy: bind_layers(Lower, Upper, field=key)). Re-binding the same lower+key replaces it. */
export function bindLayers(lower: string, key: number, upper: string): void {
  const at = bindings.findIndex((b) => b.lower === lower && b.key === key);
  if (at >= 0) bindings.splice(at, 1);
  bindings.push({ lower, key, upper });
}

export function registerDissector(protocol: string, dissector: Dissector): void {
  dissectors.set(protocol, dissector);
}

/** The protocol a key selects under `lower`, if bound. */
export function upperFor(lower: string, key: number): string | undefined {
  return bindings.find((b) => b.lower === lower && b.key === key)?.upper;
}

/** The next-protocol value `lower` writes to announce `upper` (first binding wins), e.g. ('eth', 'arp') -> 0x0806. */
export function bindValue(lower: string, upper: string): number {
  const b = bindings.find((x) => x.lower === lower && x.upper === upper);
  if (!b) throw new RangeError(`no binding from ${lower} to ${upper}`);
  return b.key;
}

export function allBindings(): readonly Binding[] {
  return bindings;
}

registerDissector('eth', dissectEthernet);
registerDissector('arp', dissectArp);
registerDissector('ipv4', dissectIpv4);
registerDissector('ipv4-quote', dissectIpv4Quote);
registerDissector('icmp', dissectIcmp);
registerDissector('udp', dissectUdp);
registerDissector('gre', dissectGre);
registerDissector('esp', dissectEsp);
registerDissector('udp-encap', dissectUdpEncap);
registerDissector('isakmp', dissectIsakmp);
registerDissector('ospf', dissectOspf);

bindLayers('eth', 0x0800, 'ipv4');
bindLayers('eth', 0x0806, 'arp');
bindLayers('ipv4', 1, 'icmp');
bindLayers('ipv4', 4, 'ipv4'); // IP-in-IP: ESP tunnel mode's inner packet once decrypted
bindLayers('ipv4', 17, 'udp');
bindLayers('ipv4', 47, 'gre');
bindLayers('ipv4', 50, 'esp');
bindLayers('ipv4', 89, 'ospf');
bindLayers('gre', 0x0800, 'ipv4');
bindLayers('icmp', ICMP_QUOTE_KEY, 'ipv4-quote');
bindLayers('udp', 500, 'isakmp');
bindLayers('udp', 4500, 'udp-encap');
bindLayers('udp-encap', 500, 'isakmp'); // after the non-ESP marker (RFC 3948)
bindLayers('udp-encap', 50, 'esp');

export interface DissectOptions {
  /** Per-call replacements, e.g. { esp: dissectEspWith({ ivLength: 16, icvLength: 12 }) } when the SA is known. */
  dissectors?: Record<string, Dissector>;
}

const MAX_LAYERS = 32;

/**
 * Decodes a whole frame into layers, outermost first. Never throws: a layer that cannot be
 * decoded carries `problem`, payloads no binding claims become a 'data' layer, and bytes after
 * the last layer (Ethernet padding) become a 'padding' layer.
 */
export function dissectFrame(bytes: Uint8Array, firstProtocol = 'eth', opts: DissectOptions = {}): DissectLayer[] {
  const layers: DissectLayer[] = [];
  let protocol: string | undefined = firstProtocol;
  let offset = 0;
  let end = bytes.length;
  while (protocol !== undefined && layers.length < MAX_LAYERS) {
    const step = runDissector(protocol, bytes, offset, end, layers.at(-1), opts);
    layers.push(step.layer);
    const payload = step.payload;
    if (!payload || payload.length <= 0) break;
    // Trust no dissector to stay inside its own range.
    const start = Math.min(Math.max(payload.offset, offset), end);
    const stop = Math.min(start + payload.length, end);
    if (stop <= start) break;
    const upper = (step.bindKeys ?? []).map((k) => upperFor(protocol!, k)).find((u) => u !== undefined);
    if (!upper) {
      layers.push(dataLayer(bytes, start, stop));
      break;
    }
    protocol = upper;
    offset = start;
    end = stop;
  }
  const covered = Math.max(0, ...layers.map((l) => l.offset + l.length));
  if (firstProtocol === 'eth' && covered < bytes.length && layers.length > 1) {
    layers.push({ protocol: 'padding', title: `Padding (${bytes.length - covered} bytes)`, offset: covered, length: bytes.length - covered, fields: [field('Padding', toHex(bytes.subarray(covered)), covered, bytes.length - covered)] });
  }
  return layers;
}

function runDissector(protocol: string, bytes: Uint8Array, offset: number, end: number, below: DissectLayer | undefined, opts: DissectOptions): DissectStep {
  let d = opts.dissectors?.[protocol] ?? dissectors.get(protocol);
  // UDP needs the enclosing IPv4 addresses to verify its checksum.
  if (protocol === 'udp' && d === dissectUdp && below?.protocol === 'ipv4' && below.length >= 20) {
    const ip = (at: number) => `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
    d = dissectUdpWith({ src: ip(below.offset + 12), dst: ip(below.offset + 16) });
  }
  if (!d) return { layer: dataLayer(bytes, offset, end) };
  try {
    return d(bytes, offset, end);
  } catch (e) {
    // A dissector bug must not take the inspector down; the fuzz tests look for this text.
    return { layer: { protocol, title: protocol, offset, length: end - offset, fields: [], problem: `Internal dissector error: ${String(e)}` } };
  }
}

function dataLayer(bytes: Uint8Array, start: number, stop: number): DissectLayer {
  const n = stop - start;
  const preview = toHex(bytes.subarray(start, Math.min(stop, start + 32)));
  return { protocol: 'data', title: `Data (${n} bytes)`, offset: start, length: n, fields: [field('Data', n > 32 ? `${preview}...` : preview, start, n), field('[Length]', `${n}`, start, n)] };
}

// ---- building (gopacket's SerializeLayers) -----------------------------------------------------

/**
 * One layer of a packet to build. Next-protocol fields left unset (etherType, IPv4 protocol,
 * GRE protocol type) come from the binding to the layer inside it; UDP's checksum uses the
 * nearest enclosing IPv4 addresses. `custom` wraps any other emitter (ESP, ISAKMP, OSPF...).
 */
export type LayerSpec =
  | { layer: 'eth'; fields: Omit<EthernetHeader, 'etherType'> & { etherType?: number }; pad?: boolean }
  | { layer: 'ipv4'; fields: Omit<Ipv4Fields, 'protocol'> & { protocol?: number } }
  | { layer: 'udp'; fields: UdpFields }
  | { layer: 'gre'; fields: Omit<GreFields, 'protocolType'> & { protocolType?: number } }
  | { layer: 'custom'; protocol: string; emit: (payload: Uint8Array) => Uint8Array };

const specProtocol = (s: LayerSpec): string => (s.layer === 'custom' ? s.protocol : s.layer);

/**
 * Builds from the innermost layer outward: `layers` lists them outermost first, `payload` is
 * what the innermost carries and `payloadProtocol` names it (e.g. 'icmp') so the layer around
 * it can announce it. Throws RangeError when a next-protocol value is needed but not bound.
 */
export function buildPacket(layers: LayerSpec[], payload: Uint8Array, payloadProtocol?: string): Uint8Array {
  let bytes = payload;
  for (let i = layers.length - 1; i >= 0; i--) {
    const spec = layers[i]!;
    const inner = i + 1 < layers.length ? specProtocol(layers[i + 1]!) : payloadProtocol;
    const next = (lower: string) => {
      if (inner === undefined) throw new RangeError(`${lower}: name the payload protocol or set the next-protocol field`);
      return bindValue(lower, inner);
    };
    switch (spec.layer) {
      case 'eth':
        bytes = emitEthernet({ ...spec.fields, etherType: spec.fields.etherType ?? next('eth') }, bytes, { pad: spec.pad ?? false });
        break;
      case 'ipv4':
        bytes = emitIpv4({ ...spec.fields, protocol: spec.fields.protocol ?? next('ipv4') }, bytes);
        break;
      case 'gre':
        bytes = emitGre({ ...spec.fields, protocolType: spec.fields.protocolType ?? next('gre') }, bytes);
        break;
      case 'udp': {
        const ip = layers.slice(0, i).reverse().find((l) => l.layer === 'ipv4');
        bytes = emitUdp(spec.fields, bytes, ip?.layer === 'ipv4' ? { src: ip.fields.src, dst: ip.fields.dst } : undefined);
        break;
      }
      case 'custom':
        bytes = spec.emit(bytes);
        break;
    }
  }
  return bytes;
}
