// Model -> running-config text, in IOS order and spacing: `!` between sections, sub-mode lines
// indented one space (keyring two, isakmp profile three, as IOS prints them), defaults not
// written. The text is the body of `show running-config` (no header, no `end`).
import { aclEntryText } from './acl';
import type { AccessList, CryptoMapEntry, InterfaceConfig, IosConfig, IsakmpPolicy, SaLifetime, SectionGroup, Transform } from './model';

type Block = string[];

function lifetimeLines(prefix: string, l: SaLifetime): string[] {
  const out: string[] = [];
  if (l.seconds !== undefined) out.push(`${prefix} lifetime seconds ${l.seconds}`);
  if (l.kilobytes !== undefined) out.push(`${prefix} lifetime kilobytes ${l.kilobytes}`);
  return out;
}

export function transformsText(ts: Transform[]): string {
  return ts.map((t) => (t.keyBits ? `${t.name} ${t.keyBits}` : t.name)).join(' ');
}

function policyBlock(p: IsakmpPolicy): Block {
  const b = [`crypto isakmp policy ${p.priority}`];
  if (p.encryption !== 'des') b.push(` encr ${p.encryption}${p.keyLength ? ` ${p.keyLength}` : ''}`);
  if (p.hash !== 'sha') b.push(` hash ${p.hash}`);
  if (p.authentication !== 'rsa-sig') b.push(` authentication ${p.authentication}`);
  if (p.group !== 1) b.push(` group ${p.group}`);
  if (p.lifetime !== 86400) b.push(` lifetime ${p.lifetime}`);
  return [...b, ...p.extra.map((e) => ` ${e}`)];
}

function mapBlock(m: CryptoMapEntry): Block {
  if (m.dynamicMap) return [`crypto map ${m.name} ${m.seq} ipsec-isakmp dynamic ${m.dynamicMap}`, ...m.extra.map((e) => ` ${e}`)];
  const b = [`crypto map ${m.name} ${m.seq} ipsec-isakmp`];
  if (m.description !== undefined) b.push(` description ${m.description}`);
  for (const p of m.peers) b.push(` set peer ${p}`);
  b.push(...lifetimeLines(' set security-association', m.lifetime));
  if (m.transformSets.length) b.push(` set transform-set ${m.transformSets.join(' ')}`);
  if (m.pfs) b.push(` set pfs ${m.pfs}`);
  if (m.isakmpProfile) b.push(` set isakmp-profile ${m.isakmpProfile}`);
  if (m.matchAddress) b.push(` match address ${m.matchAddress}`);
  return [...b, ...m.extra.map((e) => ` ${e}`)];
}

export function interfaceBlock(i: InterfaceConfig): Block {
  const b = [`interface ${i.name}`];
  if (i.description !== undefined) b.push(` description ${i.description}`);
  for (const s of i.secondaryAddresses) b.push(` ip address ${s.address} ${s.mask} secondary`);
  b.push(i.ipAddress ? ` ip address ${i.ipAddress.address} ${i.ipAddress.mask}` : ' no ip address');
  if (i.ipMtu !== undefined) b.push(` ip mtu ${i.ipMtu}`);
  if (i.natRole) b.push(` ip nat ${i.natRole}`);
  if (i.tcpAdjustMss !== undefined) b.push(` ip tcp adjust-mss ${i.tcpAdjustMss}`);
  if (i.ospfNetwork) b.push(` ip ospf network ${i.ospfNetwork}`);
  if (i.ospfCost !== undefined) b.push(` ip ospf cost ${i.ospfCost}`);
  if (i.ospfHelloInterval !== undefined) b.push(` ip ospf hello-interval ${i.ospfHelloInterval}`);
  if (i.ospfDeadInterval !== undefined) b.push(` ip ospf dead-interval ${i.ospfDeadInterval}`);
  if (i.ospfPriority !== undefined) b.push(` ip ospf priority ${i.ospfPriority}`);
  if (i.ospfArea) b.push(` ip ospf ${i.ospfArea.processId} area ${i.ospfArea.area}`);
  if (i.shutdown) b.push(' shutdown');
  if (i.cryptoMap) b.push(` crypto map ${i.cryptoMap}`);
  if (i.tunnelSource) b.push(` tunnel source ${i.tunnelSource}`);
  if (i.tunnelMode !== 'gre ip') b.push(` tunnel mode ${i.tunnelMode}`);
  if (i.tunnelDestination) b.push(` tunnel destination ${i.tunnelDestination}`);
  if (i.tunnelKey !== undefined) b.push(` tunnel key ${i.tunnelKey}`);
  if (i.tunnelPathMtuDiscovery) b.push(' tunnel path-mtu-discovery');
  if (i.tunnelProtection) b.push(` tunnel protection ipsec profile ${i.tunnelProtection.profile}${i.tunnelProtection.shared ? ' shared' : ''}`);
  return [...b, ...i.extra.map((e) => ` ${e}`)];
}

function aclLines(l: AccessList): string[] {
  const entry = (e: AccessList['entries'][number]): string => ('remark' in e ? `remark ${e.remark}` : `${e.action} ${aclEntryText(e, l.kind)}`);
  if (l.numbered) return l.entries.map((e) => `access-list ${l.name} ${entry(e)}`);
  return [`ip access-list ${l.kind} ${l.name}`, ...l.entries.map((e) => ` ${entry(e)}`), ...l.extra.map((e) => ` ${e}`)];
}

/** The sections of one group, each a block; `!` goes between blocks. */
function groupBlocks(c: IosConfig, g: SectionGroup): Block[] {
  const cr = c.crypto;
  switch (g) {
    case 'start':
      return [];
    case 'hostname':
      return [[`hostname ${c.hostname}`], ...(c.ipRouting ? [] : [['no ip routing']])];
    case 'crypto': {
      const blocks: Block[] = [];
      for (const k of cr.keyrings) {
        blocks.push([
          `crypto keyring ${k.name}`,
          ...(k.localAddress ? [`  local-address ${k.localAddress}`] : []),
          ...k.preSharedKeys.map((p) => `  pre-shared-key address ${p.address}${p.mask ? ` ${p.mask}` : ''} key ${p.key}`),
          ...k.extra.map((e) => `  ${e}`),
        ]);
      }
      cr.isakmpPolicies.forEach((p) => blocks.push(policyBlock(p)));
      const isakmpGlobal: string[] = [];
      for (const k of cr.isakmpKeys) {
        isakmpGlobal.push(`crypto isakmp key ${k.encryptionType === 6 ? '6 ' : ''}${k.key} address ${k.address}${k.mask ? ` ${k.mask}` : ''}${k.noXauth ? ' no-xauth' : ''}`);
      }
      const ka = cr.isakmpKeepalive;
      if (ka) isakmpGlobal.push(`crypto isakmp keepalive ${ka.interval}${ka.retry !== undefined ? ` ${ka.retry}` : ''}${ka.mode ? ` ${ka.mode}` : ''}`);
      if (cr.isakmpNatKeepalive !== undefined) isakmpGlobal.push(`crypto isakmp nat keepalive ${cr.isakmpNatKeepalive}`);
      for (const p of cr.isakmpProfiles) {
        isakmpGlobal.push(
          `crypto isakmp profile ${p.name}`,
          ...p.keyrings.map((k) => `   keyring ${k}`),
          ...(p.selfIdentity !== undefined ? [`   self-identity ${p.selfIdentity}`] : []),
          ...p.matchIdentities.map((m) => `   match identity address ${m.address} ${m.mask}`),
          ...(p.keepalive ? [`   keepalive ${p.keepalive.interval} retry ${p.keepalive.retry}`] : []),
          ...(p.localAddress ? [`   local-address ${p.localAddress}`] : []),
          ...p.extra.map((e) => `   ${e}`),
        );
      }
      // IOS runs the key/keepalive/profile lines straight after the last policy, without `!`.
      if (isakmpGlobal.length) {
        const last = blocks.length > cr.keyrings.length ? blocks.pop()! : [];
        blocks.push([...last, ...isakmpGlobal]);
      }
      for (const t of cr.transformSets) blocks.push([`crypto ipsec transform-set ${t.name} ${transformsText(t.transforms)}`, ` mode ${t.mode}`, ...t.extra.map((e) => ` ${e}`)]);
      const ipsecGlobal: string[] = [];
      if (cr.dfBit !== 'copy') ipsecGlobal.push(`crypto ipsec df-bit ${cr.dfBit}`);
      if (cr.natTransparencyOff) ipsecGlobal.push('no crypto ipsec nat-transparency udp-encapsulation');
      ipsecGlobal.push(...lifetimeLines('crypto ipsec security-association', cr.saLifetime));
      if (ipsecGlobal.length) blocks.push(ipsecGlobal);
      for (const p of cr.ipsecProfiles) {
        blocks.push([
          `crypto ipsec profile ${p.name}`,
          ...lifetimeLines(' set security-association', p.lifetime),
          ...(p.transformSets.length ? [` set transform-set ${p.transformSets.join(' ')}`] : []),
          ...(p.pfs ? [` set pfs ${p.pfs}`] : []),
          ...(p.isakmpProfile ? [` set isakmp-profile ${p.isakmpProfile}`] : []),
          ...p.extra.map((e) => ` ${e}`),
        ]);
      }
      cr.cryptoMaps.forEach((m) => blocks.push(mapBlock(m)));
      return blocks;
    }
    case 'interfaces':
      return c.interfaces.map(interfaceBlock);
    case 'routers':
      return c.ospf.map((p) => [
        `router ospf ${p.processId}`,
        ...(p.routerId ? [` router-id ${p.routerId}`] : []),
        ...(p.passiveDefault ? [' passive-interface default'] : []),
        ...(p.passiveDefault ? p.nonPassiveInterfaces.map((i) => ` no passive-interface ${i}`) : p.passiveInterfaces.map((i) => ` passive-interface ${i}`)),
        ...p.networks.map((n) => ` network ${n.address} ${n.wildcard} area ${n.area}`),
        ...p.extra.map((e) => ` ${e}`),
      ]);
    case 'global-ip':
      return c.defaultGateway ? [[`ip default-gateway ${c.defaultGateway}`]] : [];
    case 'nat': {
      const n = c.nat;
      const lines = [
        ...n.pools.map((p) => `ip nat pool ${p.name} ${p.start} ${p.end} ${p.netmask ? `netmask ${p.netmask}` : `prefix-length ${p.prefixLength}`}`),
        ...n.insideSourceLists.map((s) => `ip nat inside source list ${s.acl} ${s.interface ? `interface ${s.interface}` : `pool ${s.pool}`}${s.overload ? ' overload' : ''}`),
        ...n.insideStatic.map((s) => `ip nat inside source static ${s.local} ${s.global}${s.extendable ? ' extendable' : ''}`),
        ...(n.serviceIpsecEsp ? ['ip nat service ipsec-esp enable'] : []),
      ];
      return lines.length ? [lines] : [];
    }
    case 'routes':
      return c.routes.length
        ? [
            c.routes.map(
              (r) =>
                `ip route ${r.prefix} ${r.mask}${r.interface ? ` ${r.interface}` : ''}${r.nextHop ? ` ${r.nextHop}` : ''}${r.distance !== undefined ? ` ${r.distance}` : ''}${r.name ? ` name ${r.name}` : ''}${r.permanent ? ' permanent' : ''}`,
            ),
          ]
        : [];
    case 'acl': {
      const named = c.accessLists.filter((l) => !l.numbered).flatMap(aclLines);
      const numbered = c.accessLists.filter((l) => l.numbered).flatMap(aclLines);
      return [...(named.length ? [named] : []), ...(numbered.length ? [numbered] : [])];
    }
  }
}

export const GROUP_ORDER: readonly SectionGroup[] = ['start', 'hostname', 'crypto', 'interfaces', 'routers', 'global-ip', 'nat', 'routes', 'acl'];

/** Global `ip ...` lines IOS writes as one run, without `!` between them. */
const IP_GLOBALS: ReadonlySet<SectionGroup> = new Set(['global-ip', 'nat', 'routes']);

export function renderConfig(c: IosConfig): string {
  const blocks: Block[] = [];
  let joinable = false;
  for (const g of GROUP_ORDER) {
    for (const b of groupBlocks(c, g)) {
      if (joinable && IP_GLOBALS.has(g)) blocks[blocks.length - 1]!.push(...b);
      else blocks.push([...b]);
      joinable = IP_GLOBALS.has(g);
    }
    const unknown = c.unknown.filter((u) => u.after === g).flatMap((u) => u.lines);
    if (unknown.length) {
      blocks.push(unknown);
      joinable = false;
    }
  }
  return blocks.map((b) => b.join('\n')).join('\n!\n') + '\n';
}
