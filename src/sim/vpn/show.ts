// The data behind `show crypto isakmp sa`, `show crypto ipsec sa [detail]`, `show crypto session
// [detail]` and `show crypto map`, in the shapes of src/console/show/crypto-types.ts (restated
// here structurally: src/sim may not import src/console). attachConsoleViews() puts them on the
// device, where src/console/sim-adapter.ts finds them.
import type { Device } from '../device';
import { formatIp } from '../addr';
import { iosDuration } from '../console-data';
import { SECOND } from '../scheduler';
import type { IpsecSaPair, ProxyId } from '../ike';
import type { EspSa } from '../ipsec/sa';
import { plaintextMtu } from '../ipsec/overhead';
import type { AclLine, TransformSet as IosTransformSet } from '../../ios/model';
import { aclProxies, type ProtectedPolicy } from './config';
import { pathMtu } from './plugin';
import type { VpnRuntime } from './runtime';
import type { SaBundle } from './sad';

export interface IsakmpSaView { dst: string; src: string; state: string; connId: number; status: string }
export interface EspSaView {
  spi: number; transform: string; settings: string; connId: number; flowId: string; cryptoMap: string;
  remainingKb: number; remainingSec: number; ivSize: number; replayWindow?: number;
}
export interface IdentView { address: string; mask: string; protocol: number; port: number }
export interface IpsecSaView {
  interface: string; cryptoMapTag: string; localAddress: string; localIdent: IdentView; remoteIdent: IdentView;
  peer: string; peerPort: number; flags: string;
  encaps: number; encrypt: number; digest: number; decaps: number; decrypt: number; verify: number;
  sendErrors: number; recvErrors: number; localEndpoint: string; remoteEndpoint: string;
  plaintextMtu: number; pathMtu: number; ipMtu: number; ipMtuIdb: string; outboundSpi: number;
  pfs: boolean; dhGroup?: string; inbound: EspSaView[]; outbound: EspSaView[]; droppedOther?: number;
}
export interface CryptoSessionView {
  interface: string; profile?: string; uptime?: string;
  status: 'UP-ACTIVE' | 'UP-IDLE' | 'UP-NO-IKE' | 'DOWN-NEGOTIATING' | 'DOWN';
  peer: string; peerPort: number;
  ikeSas: { local: string; localPort: number; remote: string; remotePort: number; status: string; connId?: number; capabilities?: string; lifetime?: string }[];
  flows: { description: string; activeSas: number; origin: string; inboundPackets?: number; outboundPackets?: number; inboundDrops?: number; outboundDrops?: number; inboundKbLeft?: number; outboundKbLeft?: number }[];
}
export interface CryptoMapView {
  name: string; seq: number; kind: string; peer?: string; acl?: { name: string; lines: string[] }; currentPeer?: string;
  securityAssociationLifetime: { kilobytes: number; seconds: number }; pfs: string;
  transformSets: { name: string; transforms: string; mode: string }[]; interfaces: string[]; isakmpProfile?: string;
  profileName?: string; profileInstance?: boolean;
}

const ident = (p: ProxyId): IdentView => ({ address: formatIp(p.address), mask: formatIp(p.mask), protocol: p.protocol, port: p.port });

/** IOS's transform words: `esp-aes esp-sha-hmac`, `esp-256-aes esp-sha256-hmac`. */
export function iosTransformText(pair: Pick<IpsecSaPair, 'cipher' | 'keyBits' | 'integrity'>): string {
  const c = pair.cipher === 'esp-aes' && pair.keyBits !== 128 ? `esp-${pair.keyBits}-aes` : pair.cipher === 'esp-gcm' && pair.keyBits !== 128 ? `esp-gcm ${pair.keyBits}` : pair.cipher;
  return pair.integrity ? `${c} ${pair.integrity}` : c;
}

function settings(pair: IpsecSaPair): string {
  const mode = pair.mode === 'tunnel' ? 'Tunnel' : 'Transport';
  return `{${mode}${pair.udpEncap ? ' UDP-Encaps' : ''}, }`;
}

function tagOf(p: ProtectedPolicy): string {
  return p.kind === 'map' ? p.map!.name : `${p.interfaceName}-head-0`;
}

const tag = (b: SaBundle): string => tagOf(b.policy);

function espView(dev: Device, b: SaBundle, sa: EspSa, flowId: number): EspSaView {
  const usedKb = Math.floor((sa.counters.bytesIn + sa.counters.bytesOut) / 1024);
  return {
    spi: sa.spi,
    transform: iosTransformText(b.pair),
    settings: settings(b.pair),
    connId: 2000 + flowId,
    flowId: `CSR:${flowId}`,
    cryptoMap: tag(b),
    remainingKb: Math.max(0, b.pair.lifetimeKilobytes - usedKb),
    remainingSec: Math.max(0, Math.floor((b.pair.expiresAt - dev.now) / SECOND)),
    ivSize: sa.suite.ivLength,
    replayWindow: 64,
  };
}

/** The interface whose MTU IOS names as `ip mtu idb`: the tunnel source or the map's interface. */
function mtuInterface(dev: Device, policy: ProtectedPolicy): string {
  if (policy.kind === 'map') return policy.interfaceName;
  const t = dev.iface(policy.interfaceName);
  return (t && dev.tunnelSourceAddress(t)?.iface.name) ?? policy.interfaceName;
}

const sameProxy = (a: ProxyId, b: ProxyId) => a.address >>> 0 === b.address >>> 0 && a.mask >>> 0 === b.mask >>> 0 && a.protocol === b.protocol && a.port === b.port;

/** One flow of a protected thing: its proxy identities and the SA pairs negotiated for them. */
interface Flow {
  policy: ProtectedPolicy;
  local: ProxyId;
  remote: ProxyId;
  bundles: SaBundle[];
}

/**
 * Every flow IOS lists in `show crypto ipsec sa`: each protected tunnel, and each permit line of
 * each crypto map entry applied to an interface, with or without SAs (an entry that never
 * formed an SA prints zero counters and `current outbound spi: 0x0(0)`, the clue to an ACL or
 * IKE problem). SAs whose policy has since gone are listed after them, as before.
 */
function flows(rt: VpnRuntime): Flow[] {
  const out: Flow[] = [];
  const placed = new Set<SaBundle>();
  for (const p of rt.policies) {
    const mine = rt.sad.bundles.filter((b) => b.pair.policy === p.name);
    const lines = p.kind === 'map' && p.map?.acl ? aclProxies(p.map.acl) : [{ local: p.local, remote: p.remote }];
    const own = lines.map((l) => ({ policy: p, local: l.local, remote: l.remote, bundles: [] as SaBundle[] }));
    if (own.length === 0) own.push({ policy: p, local: p.local, remote: p.remote, bundles: [] });
    for (const b of mine) {
      const f = own.find((x) => sameProxy(x.local, b.pair.localProxy) && sameProxy(x.remote, b.pair.remoteProxy)) ?? own[0]!;
      f.bundles.push(b);
      placed.add(b);
    }
    out.push(...own);
  }
  for (const b of rt.sad.bundles) {
    if (placed.has(b)) continue;
    const f = out.find((x) => x.bundles[0]?.pair.policy === b.pair.policy && x.policy === b.policy);
    if (f) f.bundles.push(b);
    else out.push({ policy: b.policy, local: b.pair.localProxy, remote: b.pair.remoteProxy, bundles: [b] });
  }
  return out;
}

export function ipsecSaViews(dev: Device, rt: VpnRuntime): IpsecSaView[] {
  const out: IpsecSaView[] = [];
  let flowId = 1;
  for (const f of flows(rt)) {
    const p = f.policy;
    const all = f.bundles;
    // The newest pair is current; older ones (a rekey's overlap) are listed with it.
    const b = all.find((x) => rt.sad.forPolicy(p.name) === x) ?? all.at(-1);
    const idb = mtuInterface(dev, p);
    const idbIface = dev.iface(idb);
    const ipMtu = idbIface ? dev.ipMtu(idbIface) : 1500;
    const t = dev.iface(p.interfaceName);
    const path = t && t.kind === 'tunnel' ? pathMtu(dev, t) : ipMtu;
    const sum = (g: (x: SaBundle) => number) => all.reduce((n, x) => n + g(x), 0);
    const encaps = sum((x) => x.outbound.counters.encapsulated);
    const decaps = sum((x) => x.inbound.counters.decapsulated);
    const inbound = all.map((x) => espView(dev, x, x.inbound, flowId++));
    const outbound = all.map((x) => espView(dev, x, x.outbound, flowId++));
    const local = b ? b.pair.local : p.localAddress;
    const peer = b ? b.pair.peer : p.peer;
    const integrity = b?.pair.integrity !== undefined;
    out.push({
      interface: p.interfaceName,
      cryptoMapTag: tagOf(p),
      localAddress: formatIp(local),
      localIdent: ident(b ? b.pair.localProxy : f.local),
      remoteIdent: ident(b ? b.pair.remoteProxy : f.remote),
      peer: formatIp(peer),
      peerPort: b?.pair.udpEncap ? b.pair.udpEncap.remotePort : 500,
      flags: 'origin_is_acl,',
      encaps, encrypt: encaps, digest: integrity ? encaps : 0,
      decaps, decrypt: decaps, verify: integrity ? decaps : 0,
      sendErrors: sum((x) => x.sendErrors),
      recvErrors: sum((x) => x.recvErrors + x.inbound.counters.icvFailures + x.inbound.counters.replayFailures + x.inbound.counters.otherFailures),
      localEndpoint: formatIp(local),
      remoteEndpoint: formatIp(peer),
      // Without an SA there is no transform to take away from the path: IOS prints the path mtu.
      plaintextMtu: b ? plaintext(b, path, b.outbound.config.udpEncap !== undefined) : path,
      pathMtu: path,
      ipMtu,
      ipMtuIdb: idb,
      outboundSpi: b ? b.outbound.spi : 0,
      pfs: b?.pair.pfs !== undefined,
      ...(b?.pair.pfs !== undefined ? { dhGroup: `group${b.pair.pfs}` } : {}),
      inbound,
      outbound,
    });
  }
  return out;
}

function plaintext(b: SaBundle, path: number, natT: boolean): number {
  return plaintextMtu(path, b.outbound.config, b.pair.mode, natT);
}

export function isakmpSaViews(dev: Device, rt: VpnRuntime): IsakmpSaView[] {
  return rt.ike.isakmpSas(dev.now).map((r) => ({
    dst: formatIp(r.dst), src: formatIp(r.src), state: r.state, connId: r.connId, status: r.status,
  }));
}

function aclLineText(l: AclLine): string {
  if ('remark' in l) return `remark ${l.remark}`;
  const addr = (a: typeof l.source | undefined) => (!a || a.kind === 'any' ? 'any' : a.kind === 'host' ? `host ${a.address}` : `${a.address} ${a.wildcard}`);
  return [l.action, l.protocol ?? '', addr(l.source), l.destination ? addr(l.destination) : ''].filter(Boolean).join(' ');
}

export function cryptoSessionViews(dev: Device, rt: VpnRuntime): CryptoSessionView[] {
  const now = dev.now;
  const rows = rt.ike.isakmpSas(now);
  const out: CryptoSessionView[] = [];
  const seen = new Set<string>();
  for (const p of rt.policies) {
    const key = `${p.interfaceName} ${formatIp(p.peer)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ikes = rows.filter((r) => r.remote === p.peer && r.status === 'ACTIVE');
    const bundles = rt.sad.bundles.filter((b) => b.pair.peer === p.peer && b.policy.interfaceName === p.interfaceName);
    const qmIdle = ikes.some((r) => r.state === 'QM_IDLE');
    const status: CryptoSessionView['status'] = bundles.length && qmIdle ? 'UP-ACTIVE' : bundles.length ? 'UP-NO-IKE' : qmIdle ? 'UP-IDLE' : ikes.length || rt.ike.negotiating(p.name) ? 'DOWN-NEGOTIATING' : 'DOWN';
    const natT = bundles.some((b) => b.pair.udpEncap) || ikes.some((r) => r.natT);
    const port = natT ? 4500 : 500;
    const first = bundles[0];
    const flowText = (b: SaBundle) => {
      const l = b.pair.localProxy;
      const r = b.pair.remoteProxy;
      const proto = l.protocol === 0 ? 'ip' : String(l.protocol);
      if (l.mask === 0xffffffff && r.mask === 0xffffffff && l.protocol !== 0) return `permit ${proto} host ${formatIp(l.address)} host ${formatIp(r.address)}`;
      return `permit ${proto} ${formatIp(l.address)}/${formatIp(l.mask)} ${formatIp(r.address)}/${formatIp(r.mask)}`;
    };
    out.push({
      interface: p.interfaceName,
      ...(first ? { uptime: iosDuration(now - first.pair.createdAt) } : {}),
      status,
      peer: formatIp(p.peer),
      peerPort: first?.pair.udpEncap?.remotePort ?? port,
      ikeSas: ikes.map((r) => ({
        local: formatIp(r.local), localPort: port, remote: formatIp(r.remote), remotePort: first?.pair.udpEncap?.remotePort ?? port,
        status: 'Active', connId: r.connId, capabilities: r.natT ? 'N' : '(none)', lifetime: iosDuration(r.remainingSeconds * SECOND),
      })),
      flows: bundles.length ? [bundles.at(-1)!].map((b) => {
        const usedKb = Math.floor((b.outbound.counters.bytesOut + b.inbound.counters.bytesIn) / 1024);
        const kbLeft = Math.max(0, b.pair.lifetimeKilobytes - usedKb);
        const all = bundles.filter((x) => x.pair.policy === b.pair.policy);
        return {
          description: flowText(b),
          activeSas: 2 * all.length,
          origin: 'crypto map',
          inboundPackets: all.reduce((n, x) => n + x.inbound.counters.decapsulated, 0),
          outboundPackets: all.reduce((n, x) => n + x.outbound.counters.encapsulated, 0),
          inboundDrops: all.reduce((n, x) => n + x.recvErrors, 0),
          outboundDrops: all.reduce((n, x) => n + x.sendErrors, 0),
          inboundKbLeft: kbLeft,
          outboundKbLeft: kbLeft,
        };
      }) : [],
    });
  }
  return out;
}

export function cryptoMapViews(dev: Device, rt: VpnRuntime): CryptoMapView[] {
  const c = dev.config;
  const out: CryptoMapView[] = [];
  const entries = [...c.crypto.cryptoMaps].sort((a, b) => (a.name === b.name ? a.seq - b.seq : a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const acl = e.matchAddress ? c.accessLists.find((l) => l.name === e.matchAddress) : undefined;
    const sets = e.transformSets.map((n) => c.crypto.transformSets.find((t) => t.name === n)).filter((t) => t !== undefined);
    const b = rt.sad.forPolicy(`${e.name} ${e.seq}`);
    out.push({
      name: e.name, seq: e.seq,
      kind: e.dynamicMap ? `ipsec-isakmp dynamic ${e.dynamicMap}` : 'ipsec-isakmp',
      ...(e.peers[0] ? { peer: e.peers[0] } : {}),
      ...(acl ? { acl: { name: acl.name, lines: acl.entries.map((l) => `access-list ${acl.name} ${aclLineText(l)}`) } } : {}),
      ...(b ? { currentPeer: formatIp(b.pair.peer) } : e.peers[0] ? { currentPeer: e.peers[0] } : {}),
      securityAssociationLifetime: {
        kilobytes: e.lifetime.kilobytes ?? c.crypto.saLifetime.kilobytes ?? 4608000,
        seconds: e.lifetime.seconds ?? c.crypto.saLifetime.seconds ?? 3600,
      },
      pfs: e.pfs ? e.pfs.replace(/^group/, 'group') : 'N',
      transformSets: sets.map(transformSetView),
      interfaces: c.interfaces.filter((i) => i.cryptoMap === e.name).map((i) => i.name),
      ...(e.isakmpProfile ? { isakmpProfile: e.isakmpProfile } : {}),
    });
  }
  for (const p of rt.policies) if (p.kind !== 'map') out.push(...tunnelMapViews(dev, rt, p));
  return out;
}

/** Transform names as IOS show output writes them: esp-aes 256 -> esp-256-aes. */
function transformSetView(t: IosTransformSet): CryptoMapView['transformSets'][number] {
  const names = t.transforms.map((x) => (x.name === 'esp-aes' && x.keyBits ? `esp-${x.keyBits}-aes` : x.keyBits ? `${x.name} ${x.keyBits}` : x.name));
  return { name: t.name, transforms: names.join(' '), mode: t.mode };
}

/**
 * `tunnel protection` makes IOS build a crypto map of its own, TunnelN-head-0: entry 65536 is
 * the profile (a template, no peer), entry 65537 the instance for the tunnel's peer, whose ACL is
 * the tunnel's proxy identities (`permit gre host SRC host DST`, or `permit ip any any` for a
 * VTI) and which names the tunnel as its interface. Layout from IOS 15 / IOS-XE `show crypto map`
 * output of GRE/IPsec and VTI tunnels; the VTI's `permit ip any any` line is our reading of it.
 */
function tunnelMapViews(dev: Device, rt: VpnRuntime, p: ProtectedPolicy): CryptoMapView[] {
  const c = dev.config;
  const profile = c.crypto.ipsecProfiles.find((x) => x.name === p.profile);
  if (!profile) return [];
  const name = `${p.interfaceName}-head-0`;
  const sets = profile.transformSets.map((n) => c.crypto.transformSets.find((t) => t.name === n)).filter((t) => t !== undefined).map(transformSetView);
  const common = {
    name, kind: 'ipsec-isakmp',
    securityAssociationLifetime: {
      kilobytes: profile.lifetime.kilobytes ?? c.crypto.saLifetime.kilobytes ?? 4608000,
      seconds: profile.lifetime.seconds ?? c.crypto.saLifetime.seconds ?? 3600,
    },
    pfs: profile.pfs ?? 'N',
    transformSets: sets,
    ...(profile.isakmpProfile ? { isakmpProfile: profile.isakmpProfile } : {}),
  };
  const b = rt.sad.forPolicy(p.name);
  const flow = p.kind === 'gre' ? `permit gre host ${formatIp(p.local.address)} host ${formatIp(p.remote.address)}` : 'permit ip any any';
  return [
    { ...common, seq: 65536, profileName: profile.name, interfaces: [] },
    {
      ...common, seq: 65537, profileInstance: true,
      peer: formatIp(p.peer),
      acl: { name: '', lines: [`access-list  ${flow}`] },
      currentPeer: formatIp(b ? b.pair.peer : p.peer),
      interfaces: [p.interfaceName],
    },
  ];
}

type Chainable = Record<string, unknown>;

/** Adds the console's optional crypto methods to the device, chaining debug/clear with others. */
export function attachConsoleViews(dev: Device, rt: VpnRuntime): void {
  const d = dev as unknown as Chainable;
  d.isakmpSas = () => isakmpSaViews(dev, rt);
  d.ipsecSas = () => ipsecSaViews(dev, rt);
  d.cryptoSessions = () => cryptoSessionViews(dev, rt);
  d.cryptoMaps = () => cryptoMapViews(dev, rt);
  const prevDebug = typeof d.debug === 'function' ? (d.debug as (w: string, on: boolean) => void) : undefined;
  d.debug = (what: string, on: boolean) => {
    prevDebug?.call(dev, what, on);
    rt.debug(what, on);
  };
  const prevClear = typeof d.clear === 'function' ? (d.clear as (w: string) => boolean) : undefined;
  d.clear = (what: string) => rt.clear(what) || (prevClear?.call(dev, what) ?? false);
}
