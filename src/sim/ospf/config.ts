// What `router ospf N` and the interface lines mean for one router: which interfaces run OSPF
// and in which area (network statements with wildcards, most specific first, as IOS orders and
// matches them), the router ID, each interface's network type, cost and timers.
import type { InterfaceConfig, OspfNetwork, OspfProcess } from '../../ios/model';
import { formatIp, parseIp, prefixFromMask, type Ip } from '../addr';

export type OspfNetworkKind = 'point-to-point' | 'broadcast' | 'loopback';

/** IOS defaults: reference bandwidth 100 Mbit/s; hello 10 s and dead 40 s on broadcast and point-to-point. */
export const REFERENCE_BANDWIDTH_KBIT = 100_000;
export const DEFAULT_HELLO = 10;
export const DEFAULT_DEAD_FACTOR = 4;
export const DEFAULT_PRIORITY = 1;
export const RXMT_INTERVAL = 5;

/** Runtime facts the simulation knows about an interface: line protocol and MTU. */
export interface OspfLinkState {
  name: string;
  /** Line protocol up (a VTI only once its SAs are up). */
  up: boolean;
  /** IP MTU, carried in DBD packets (mismatch blocks the adjacency in EXSTART). Default 1500. */
  mtu?: number;
  /** `bandwidth` in kbit/s; default from the interface type. */
  bandwidthKbit?: number;
}

/** One interface as OSPF runs it. */
export interface OspfInterfaceSetup {
  name: string;
  address: Ip;
  mask: Ip;
  prefixLength: number;
  area: string;
  areaId: Ip;
  kind: OspfNetworkKind;
  cost: number;
  helloInterval: number;
  deadInterval: number;
  priority: number;
  passive: boolean;
  mtu: number;
  /** The network statement that enabled it, as written. */
  network: OspfNetwork;
}

/** IOS default bandwidth (kbit/s) by interface type; a tunnel's is 100 kbit/s (cost 1000). */
export function defaultBandwidthKbit(name: string): number {
  if (/^Tunnel/i.test(name)) return 100;
  if (/^Loopback/i.test(name)) return 8_000_000;
  if (/^(TenGigabitEthernet|Te)/i.test(name)) return 10_000_000;
  if (/^GigabitEthernet/i.test(name)) return 1_000_000;
  if (/^FastEthernet/i.test(name)) return 100_000;
  if (/^Ethernet/i.test(name)) return 10_000;
  if (/^Serial/i.test(name)) return 1544;
  return 1_000_000;
}

export function interfaceCost(name: string, bandwidthKbit?: number, configured?: number): number {
  if (configured !== undefined) return configured;
  if (/^Loopback/i.test(name)) return 1;
  return Math.max(1, Math.min(65535, Math.floor(REFERENCE_BANDWIDTH_KBIT / (bandwidthKbit ?? defaultBandwidthKbit(name)))));
}

function defaultKind(name: string): OspfNetworkKind {
  if (/^Loopback/i.test(name)) return 'loopback';
  if (/^(Tunnel|Serial)/i.test(name)) return 'point-to-point';
  return 'broadcast';
}

/** The network type of an interface: `ip ospf network`, else its type's default. */
export function networkKind(i: Pick<InterfaceConfig, 'name' | 'ospfNetwork'>): OspfNetworkKind {
  return i.ospfNetwork === 'point-to-point' ? 'point-to-point' : i.ospfNetwork === 'broadcast' ? 'broadcast' : defaultKind(i.name);
}

/** Area as a dotted quad: "0" and "0.0.0.0" are the backbone; "1" is 0.0.0.1. */
export function areaToIp(area: string): Ip {
  if (/^\d+$/.test(area)) return Number(area) >>> 0;
  return parseIp(area) ?? 0;
}

const wildcardBits = (w: Ip): number => {
  let n = 0;
  for (let v = w; v; v >>>= 1) n += v & 1;
  return n;
};

/** Network statements in the order IOS keeps and matches them: most specific wildcard first. */
export function orderedNetworks(networks: readonly OspfNetwork[]): OspfNetwork[] {
  return networks
    .map((n, i) => ({ n, i, bits: wildcardBits(parseIp(n.wildcard) ?? 0xffffffff) }))
    .sort((a, b) => a.bits - b.bits || a.i - b.i)
    .map((x) => x.n);
}

export function networkMatches(n: OspfNetwork, address: Ip): boolean {
  const base = parseIp(n.address);
  const wild = parseIp(n.wildcard);
  if (base === undefined || wild === undefined) return false;
  return ((address ^ base) & ~wild) >>> 0 === 0;
}

export function isPassive(proc: OspfProcess, name: string): boolean {
  return proc.passiveDefault ? !proc.nonPassiveInterfaces.includes(name) : proc.passiveInterfaces.includes(name);
}

/** The OSPF interfaces of a process: up interfaces with an address a network statement covers. */
export function ospfInterfaces(proc: OspfProcess, interfaces: readonly InterfaceConfig[], links: ReadonlyMap<string, OspfLinkState>): OspfInterfaceSetup[] {
  const networks = orderedNetworks(proc.networks);
  const out: OspfInterfaceSetup[] = [];
  for (const i of interfaces) {
    const link = links.get(i.name);
    if (!i.ipAddress || i.shutdown || !link?.up) continue;
    const address = parseIp(i.ipAddress.address);
    const mask = parseIp(i.ipAddress.mask);
    if (address === undefined || mask === undefined) continue;
    const net = networks.find((n) => networkMatches(n, address));
    if (!net) continue;
    const kind = networkKind(i);
    const hello = i.ospfHelloInterval ?? DEFAULT_HELLO;
    out.push({
      name: i.name,
      address,
      mask,
      prefixLength: prefixFromMask(mask) ?? 32,
      area: net.area,
      areaId: areaToIp(net.area),
      kind,
      cost: interfaceCost(i.name, link.bandwidthKbit, i.ospfCost),
      helloInterval: hello,
      // IOS: setting the hello interval alone makes the dead interval four times it.
      deadInterval: i.ospfDeadInterval ?? hello * DEFAULT_DEAD_FACTOR,
      priority: DEFAULT_PRIORITY,
      passive: isPassive(proc, i.name),
      mtu: link.mtu ?? i.ipMtu ?? 1500,
      network: net,
    });
  }
  return out;
}

/**
 * IOS router ID: `router-id` if set, else the highest address of an up loopback, else the
 * highest address of any up interface. Chosen once; IOS keeps it until the process restarts.
 */
export function chooseRouterId(proc: OspfProcess, interfaces: readonly InterfaceConfig[], links: ReadonlyMap<string, OspfLinkState>): Ip | undefined {
  if (proc.routerId) {
    const r = parseIp(proc.routerId);
    if (r !== undefined) return r;
  }
  const up = interfaces.filter((i) => i.ipAddress && !i.shutdown && links.get(i.name)?.up);
  const best = (list: typeof up): Ip | undefined => {
    let b: Ip | undefined;
    for (const i of list) {
      const a = parseIp(i.ipAddress!.address);
      if (a !== undefined && (b === undefined || a > b)) b = a;
    }
    return b;
  };
  return best(up.filter((i) => /^Loopback/i.test(i.name))) ?? best(up);
}

export const ipText = formatIp;
