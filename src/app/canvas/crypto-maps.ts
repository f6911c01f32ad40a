// Finds the crypto-map VPNs a lab's configs build, so the canvas can draw them beside the tunnels:
// a crypto map has no interface of its own, so without this a hub with a VTI to one spoke and a
// crypto map to another shows only half of its VPNs. For every interface with `crypto map NAME`
// applied, each static entry of that map with `set peer ADDRESS` and `match address ACL` is drawn
// to the device that owns ADDRESS. An address nobody in the lab owns (a peer behind NAT, a typo),
// or that two devices both claim, draws nothing: the canvas does not guess.
import type { CryptoMapEntry, IosConfig } from '../../ios';
import type { LabV1 } from '../../lab/types';
import { parsedConfig } from './parsed-configs';

export interface CryptoMapView {
  id: string;
  /** The device whose map entry is drawn first (the earlier one in the lab, when both ends have one). */
  a: string;
  /** The interface the map is applied to. */
  aIface: string;
  b: string;
  /** b's interface with its own map pointing back, or else the interface that owns the peer address. */
  bIface: string;
  /** "crypto map CMAP 10 (ACL 101)", naming both ends' entries when they differ. */
  kind: string;
  /** b has no map entry pointing back at a and no dynamic map to answer with: IKE from b never starts, and a's offer finds no policy. */
  oneSided: boolean;
  /** An entry matches an access list its router does not have: IOS protects nothing with it. */
  aclMissing: boolean;
}

/** One applied map entry pointing at another device. */
interface Half {
  device: string;
  /** The entry's access list exists on this device. */
  aclDefined: boolean;
  iface: string;
  entry: CryptoMapEntry;
  peer: string;
  /** The peer's interface that owns the peer address. */
  peerIface: string;
}

const entryText = (h: Half): string => `${h.entry.name} ${h.entry.seq} (ACL ${h.entry.matchAddress ?? '?'}${h.aclDefined ? '' : ', not defined'})`;

/** address -> the devices and interfaces that own it (primary and secondary addresses of every interface). */
function addressOwners(configs: Map<string, IosConfig>): Map<string, { device: string; iface: string }[]> {
  const owners = new Map<string, { device: string; iface: string }[]>();
  for (const [device, config] of configs) {
    for (const i of config.interfaces) {
      for (const a of [i.ipAddress, ...i.secondaryAddresses]) {
        if (!a) continue;
        const list = owners.get(a.address) ?? [];
        list.push({ device, iface: i.name });
        owners.set(a.address, list);
      }
    }
  }
  return owners;
}

/** The entries of the maps applied to this device's interfaces that have a peer and an ACL, in sequence order. */
function appliedEntries(config: IosConfig): { iface: string; entry: CryptoMapEntry }[] {
  const found: { iface: string; entry: CryptoMapEntry }[] = [];
  for (const i of config.interfaces) {
    if (!i.cryptoMap) continue;
    const entries = config.crypto.cryptoMaps.filter((m) => m.name === i.cryptoMap && !m.dynamicMap && m.matchAddress !== undefined && m.peers.length > 0);
    for (const entry of [...entries].sort((x, y) => x.seq - y.seq)) found.push({ iface: i.name, entry });
  }
  return found;
}

/** A dynamic map entry in a map applied on this device: it answers any peer's IKE. */
function dynamicResponder(config: IosConfig): string | null {
  for (const i of config.interfaces) {
    const dynamic = i.cryptoMap ? config.crypto.cryptoMaps.find((m) => m.name === i.cryptoMap && m.dynamicMap) : undefined;
    if (dynamic?.dynamicMap) return dynamic.dynamicMap;
  }
  return null;
}

export function findCryptoMaps(lab: LabV1): CryptoMapView[] {
  const configs = new Map<string, IosConfig>();
  for (const d of lab.devices) {
    const config = parsedConfig(d.config);
    if (config) configs.set(d.name, config);
  }
  const owners = addressOwners(configs);

  const halves: Half[] = [];
  for (const [device, config] of configs) {
    for (const { iface, entry } of appliedEntries(config)) {
      for (const address of entry.peers) {
        const claim = owners.get(address) ?? [];
        const devices = new Set(claim.map((c) => c.device));
        // Nobody, or more than one device: no line is better than a line to the wrong router.
        if (devices.size !== 1 || devices.has(device)) continue;
        const aclDefined = config.accessLists.some((l) => l.name === entry.matchAddress);
        halves.push({ device, aclDefined, iface, entry, peer: claim[0]!.device, peerIface: claim[0]!.iface });
      }
    }
  }

  const views: CryptoMapView[] = [];
  const drawn = new Set<string>();
  for (const first of halves) {
    const key = [first.device, first.peer].sort().join('|');
    if (drawn.has(key)) continue;
    drawn.add(key);
    const back = halves.find((h) => h.device === first.peer && h.peer === first.device);
    let kind = `crypto map ${entryText(first)}`;
    if (back && entryText(back) !== entryText(first)) kind = `crypto maps ${entryText(first)} and ${entryText(back)}`;
    let oneSided = false;
    if (!back) {
      const dynamic = dynamicResponder(configs.get(first.peer)!);
      if (dynamic) kind += `, answered by dynamic map ${dynamic}`;
      else {
        oneSided = true;
        kind += `, no map back from ${first.peer}`;
      }
    }
    views.push({
      id: `cryptomap-${key}`,
      a: first.device,
      aIface: first.iface,
      b: first.peer,
      bIface: back ? back.iface : first.peerIface,
      kind,
      oneSided,
      aclMissing: !first.aclDefined || (back !== undefined && !back.aclDefined),
    });
  }
  return views;
}
