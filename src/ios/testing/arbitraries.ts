// fast-check generators of valid, normalised configuration models (the shapes parseConfig
// produces), for the parse(render(m)) = m property and for other folders' tests.
import fc from 'fast-check';
import { compareInterfaceNames } from '../interface-names';
import {
  emptyConfig,
  type AccessList,
  type AclAddress,
  type AclEntry,
  type CryptoMapEntry,
  type InterfaceConfig,
  type IosConfig,
  type SectionGroup,
  type Transform,
  type UnknownBlock,
} from '../model';

const octet = fc.integer({ min: 0, max: 255 });
export const ipArb = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
export const maskArb = fc.integer({ min: 0, max: 32 }).map((n) => {
  const m = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
});
const wildcardArb = fc.integer({ min: 1, max: 31 }).map((n) => {
  const m = (0xffffffff >>> n) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
});
export const nameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,9}$/);
const textArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,20}[A-Za-z0-9]$/);

const ifNameArb = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map((n) => `GigabitEthernet${n}`),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })).map(([a, b]) => `GigabitEthernet${a}/${b}`),
  fc.integer({ min: 0, max: 3 }).map((n) => `Ethernet${n}`),
  fc.integer({ min: 0, max: 99 }).map((n) => `Loopback${n}`),
  fc.integer({ min: 0, max: 99 }).map((n) => `Tunnel${n}`),
);

function opt<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const interfaceArb = (name: string): fc.Arbitrary<InterfaceConfig> =>
  fc
    .record({
      description: opt(textArb),
      ipAddress: opt(fc.record({ address: ipArb, mask: maskArb })),
      secondaryAddresses: fc.uniqueArray(fc.record({ address: ipArb, mask: maskArb }), { maxLength: 2, selector: (a) => a.address }),
      ipMtu: opt(fc.integer({ min: 68, max: 9216 })),
      natRole: opt(fc.constantFrom('inside' as const, 'outside' as const)),
      tcpAdjustMss: opt(fc.integer({ min: 500, max: 1460 })),
      ospfNetwork: opt(fc.constantFrom('point-to-point' as const, 'broadcast' as const, 'non-broadcast' as const, 'point-to-multipoint' as const)),
      ospfCost: opt(fc.integer({ min: 1, max: 65535 })),
      ospfHelloInterval: opt(fc.integer({ min: 1, max: 65535 })),
      ospfDeadInterval: opt(fc.integer({ min: 1, max: 65535 })),
      ospfPriority: opt(fc.integer({ min: 0, max: 255 })),
      ospfArea: opt(fc.record({ processId: fc.integer({ min: 1, max: 65535 }), area: fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), ipArb) })),
      shutdown: fc.boolean(),
      cryptoMap: opt(nameArb),
      tunnelSource: opt(fc.oneof(ipArb, ifNameArb)),
      tunnelMode: fc.constantFrom('gre ip' as const, 'gre multipoint' as const, 'ipsec ipv4' as const, 'ipip' as const),
      tunnelDestination: opt(ipArb),
      tunnelKey: opt(fc.integer({ min: 0, max: 4294967295 })),
      tunnelPathMtuDiscovery: fc.boolean(),
      tunnelProtection: opt(fc.record({ profile: nameArb, shared: fc.boolean() })),
      extra: fc.subarray(['ip virtual-reassembly', 'negotiation auto', 'no mop enabled', 'no ip redirects']),
    })
    .map((r) => {
      const i = strip({ name, ...r }) as InterfaceConfig;
      // A secondary address never equals the primary one.
      if (i.ipAddress) i.secondaryAddresses = i.secondaryAddresses.filter((s) => s.address !== i.ipAddress!.address);
      else i.secondaryAddresses = [];
      return i;
    });

const aclAddressArb: fc.Arbitrary<AclAddress> = fc.oneof(
  fc.constant({ kind: 'any' as const }),
  ipArb.map((address) => ({ kind: 'host' as const, address })),
  fc.tuple(ipArb, wildcardArb).map(([address, wildcard]) => ({ kind: 'net' as const, address, wildcard })),
);

const portArb = fc.oneof(
  fc.record({ op: fc.constantFrom('eq' as const, 'neq' as const, 'lt' as const, 'gt' as const), port: fc.integer({ min: 0, max: 65535 }) }),
  fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1001, max: 65535 })).map(([port, to]) => ({ op: 'range' as const, port, to })),
);

const extendedEntryArb: fc.Arbitrary<AclEntry> = fc
  .record({
    action: fc.constantFrom('permit' as const, 'deny' as const),
    protocol: fc.constantFrom('ip', 'icmp', 'tcp', 'udp', 'gre', 'esp', 'ahp'),
    source: aclAddressArb,
    sourcePort: opt(portArb),
    destination: aclAddressArb,
    destinationPort: opt(portArb),
    options: opt(fc.constant('log')),
  })
  .map((e) => {
    if (e.protocol !== 'tcp' && e.protocol !== 'udp') {
      delete e.sourcePort;
      delete e.destinationPort;
    }
    return strip(e) as AclEntry;
  });

const standardEntryArb: fc.Arbitrary<AclEntry> = fc.record({ action: fc.constantFrom('permit' as const, 'deny' as const), source: aclAddressArb });

const aclArb = (name: string, kind: 'standard' | 'extended', numbered: boolean): fc.Arbitrary<AccessList> =>
  fc
    .uniqueArray(fc.oneof({ weight: 5, arbitrary: kind === 'standard' ? standardEntryArb : extendedEntryArb }, { weight: 1, arbitrary: textArb.map((remark) => ({ remark })) }), {
      minLength: 1,
      maxLength: 4,
      selector: (e) => JSON.stringify(e),
    })
    .map((entries) => ({ name, kind, numbered, entries, extra: [] }));

const lifetimeArb = fc.record({ seconds: opt(fc.integer({ min: 120, max: 2592000 })), kilobytes: opt(fc.integer({ min: 2560, max: 4294967295 })) }).map(strip);
const pfsArb = opt(fc.constantFrom('group2', 'group5', 'group14', 'group19'));
const transformsArb: fc.Arbitrary<Transform[]> = fc.oneof<fc.Arbitrary<Transform[]>[]>(
  fc.tuple(fc.constantFrom('esp-aes', 'esp-gcm'), fc.constantFrom(undefined, 192, 256), fc.constantFrom('esp-sha-hmac', 'esp-sha256-hmac', 'esp-md5-hmac')).map(([n, k, a]) => [strip({ name: n, keyBits: k }), { name: a }]),
  fc.constantFrom<Transform[]>([{ name: 'esp-3des' }, { name: 'esp-sha-hmac' }], [{ name: 'esp-des' }], [{ name: 'ah-sha-hmac' }, { name: 'esp-aes', keyBits: 256 }]),
);

const UNKNOWN_POOL: string[][] = [['ip http server'], ['service timestamps log datetime msec'], ['line vty 0 4', ' login local', ' transport input ssh'], ['router bgp 65000', ' bgp log-neighbor-changes', ' neighbor 10.0.0.1 remote-as 65001'], ['ip forward-protocol nd']];

export const configArb: fc.Arbitrary<IosConfig> = fc
  .record({
    hostname: nameArb,
    ipRouting: fc.boolean(),
    defaultGateway: opt(ipArb),
    ifNames: fc.uniqueArray(ifNameArb, { maxLength: 5 }),
    ospf: fc.uniqueArray(
      fc.record({
        processId: fc.integer({ min: 1, max: 65535 }),
        routerId: opt(ipArb),
        passiveDefault: fc.boolean(),
        ifs: fc.uniqueArray(ifNameArb, { maxLength: 2 }),
        networks: fc.uniqueArray(fc.record({ address: ipArb, wildcard: wildcardArb, area: fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), ipArb) }), { maxLength: 3, selector: (n) => n.address + n.wildcard }),
      }),
      { maxLength: 2, selector: (p) => p.processId },
    ),
    policies: fc.uniqueArray(
      fc.record({
        priority: fc.integer({ min: 1, max: 10000 }),
        encryption: fc.constantFrom('des' as const, '3des' as const, 'aes' as const),
        keyLength: fc.constantFrom(undefined, 192, 256),
        hash: fc.constantFrom('sha' as const, 'sha256' as const, 'md5' as const),
        authentication: fc.constantFrom('pre-share' as const, 'rsa-sig' as const),
        group: fc.constantFrom(1, 2, 5, 14, 19),
        lifetime: fc.constantFrom(86400, 28800, 3600),
      }),
      { maxLength: 3, selector: (p) => p.priority },
    ),
    keys: fc.uniqueArray(fc.record({ key: nameArb, address: ipArb, mask: opt(maskArb.filter((m) => m !== '255.255.255.255')) }), { maxLength: 2, selector: (k) => k.address }),
    keyrings: fc.uniqueArray(
      fc.record({ name: nameArb, localAddress: opt(ipArb), preSharedKeys: fc.uniqueArray(fc.record({ address: ipArb, key: nameArb }), { maxLength: 2, selector: (k) => k.address }) }),
      { maxLength: 2, selector: (k) => k.name },
    ),
    profiles: fc.uniqueArray(
      fc.record({ name: nameArb, keyrings: fc.uniqueArray(nameArb, { maxLength: 2 }), matchIdentities: fc.uniqueArray(fc.record({ address: ipArb, mask: maskArb }), { maxLength: 2, selector: (m) => m.address }), localAddress: opt(ipArb) }),
      { maxLength: 2, selector: (p) => p.name },
    ),
    natKeepalive: opt(fc.integer({ min: 5, max: 3600 })),
    transformSets: fc.uniqueArray(fc.record({ name: nameArb, transforms: transformsArb, mode: fc.constantFrom('tunnel' as const, 'transport' as const) }), { maxLength: 2, selector: (t) => t.name }),
    dfBit: fc.constantFrom('copy' as const, 'clear' as const, 'set' as const),
    ipsecProfiles: fc.uniqueArray(fc.record({ name: nameArb, transformSets: fc.uniqueArray(nameArb, { maxLength: 2 }), pfs: pfsArb, lifetime: lifetimeArb }), { maxLength: 2, selector: (p) => p.name }),
    maps: fc.uniqueArray(
      fc.record({
        name: nameArb,
        seqs: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 2 }),
        peers: fc.uniqueArray(ipArb, { maxLength: 2 }),
        transformSets: fc.uniqueArray(nameArb, { maxLength: 2 }),
        pfs: pfsArb,
        matchAddress: opt(fc.oneof(nameArb, fc.integer({ min: 100, max: 199 }).map(String))),
      }),
      { maxLength: 2, selector: (m) => m.name },
    ),
    routes: fc.uniqueArray(
      fc.record({ prefix: ipArb, mask: maskArb, interface: opt(ifNameArb), nextHop: ipArb, useNh: fc.boolean(), distance: opt(fc.integer({ min: 1, max: 255 })), name: opt(nameArb), permanent: fc.boolean() }),
      { maxLength: 3, selector: (r) => r.prefix + r.mask },
    ),
    namedAcls: fc.uniqueArray(fc.tuple(nameArb.filter((n) => !/^\d+$/.test(n)), fc.constantFrom('standard' as const, 'extended' as const)), { maxLength: 2, selector: (a) => a[0] }),
    numberedAcls: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 100, max: 199 })), { maxLength: 2 }),
    nat: fc.record({
      statics: fc.uniqueArray(fc.record({ local: ipArb, global: ipArb }), { maxLength: 2, selector: (s) => s.local }),
      lists: fc.uniqueArray(fc.record({ acl: fc.integer({ min: 1, max: 99 }).map(String), interface: ifNameArb, overload: fc.boolean() }), { maxLength: 1, selector: (l) => l.acl }),
      pools: fc.uniqueArray(fc.record({ name: nameArb, start: ipArb, end: ipArb, netmask: maskArb }), { maxLength: 1, selector: (p) => p.name }),
      esp: fc.boolean(),
    }),
    unknown: fc.array(fc.tuple(fc.nat(UNKNOWN_POOL.length - 1), fc.nat(8)), { maxLength: 3 }),
  })
  .chain((r) =>
    fc
      .tuple(
        fc.tuple(...r.ifNames.map((n) => interfaceArb(n))),
        fc.tuple(...r.namedAcls.map(([n, k]) => aclArb(n, k, false))),
        fc.tuple(...r.numberedAcls.map((n) => aclArb(String(n), n < 100 ? 'standard' : 'extended', true))),
      )
      .map(([ifs, named, numbered]) => {
        const c = emptyConfig(r.hostname);
        c.ipRouting = r.ipRouting;
        if (r.defaultGateway) c.defaultGateway = r.defaultGateway;
        c.interfaces = [...ifs].sort((a, b) => compareInterfaceNames(a.name, b.name));
        c.ospf = r.ospf
          .map((p) =>
            strip({
              processId: p.processId,
              routerId: p.routerId,
              passiveDefault: p.passiveDefault,
              passiveInterfaces: p.passiveDefault ? [] : p.ifs,
              nonPassiveInterfaces: p.passiveDefault ? p.ifs : [],
              networks: p.networks,
              extra: [],
            }),
          )
          .sort((a, b) => a.processId - b.processId);
        const cr = c.crypto;
        cr.isakmpPolicies = r.policies
          .map((p) => strip({ ...p, keyLength: p.encryption === 'aes' ? p.keyLength : undefined, extra: [] }))
          .sort((a, b) => a.priority - b.priority);
        cr.isakmpKeys = r.keys.map((k) => strip({ ...k }));
        cr.keyrings = r.keyrings.map((k) => strip({ ...k, extra: [] }));
        cr.isakmpProfiles = r.profiles.map((p) => strip({ ...p, extra: [] }));
        if (r.natKeepalive) cr.isakmpNatKeepalive = r.natKeepalive;
        cr.transformSets = r.transformSets.map((t) => ({ ...t, extra: [] }));
        cr.dfBit = r.dfBit;
        cr.ipsecProfiles = r.ipsecProfiles.map((p) => strip({ ...p, extra: [] }));
        cr.cryptoMaps = r.maps.flatMap((m) =>
          [...m.seqs].sort((a, b) => a - b).map((seq): CryptoMapEntry => strip({ name: m.name, seq, peers: m.peers, lifetime: {}, transformSets: m.transformSets, pfs: m.pfs, matchAddress: m.matchAddress, extra: [] })),
        );
        c.routes = r.routes.map((x) =>
          strip({ prefix: x.prefix, mask: x.mask, interface: x.interface, nextHop: x.interface && !x.useNh ? undefined : x.nextHop, distance: x.distance, name: x.name, permanent: x.permanent || undefined }),
        );
        c.accessLists = [...named, ...numbered];
        c.nat = {
          pools: r.nat.pools,
          insideStatic: r.nat.statics,
          insideSourceLists: r.nat.lists,
          serviceIpsecEsp: r.nat.esp,
        };
        // Unknown blocks anchor after a group that renders something (or at the start).
        const present: SectionGroup[] = ['start', 'hostname'];
        if (JSON.stringify(cr) !== JSON.stringify(emptyConfig().crypto)) present.push('crypto');
        if (c.interfaces.length) present.push('interfaces');
        if (c.ospf.length) present.push('routers');
        if (c.defaultGateway) present.push('global-ip');
        if (c.nat.pools.length || c.nat.insideStatic.length || c.nat.insideSourceLists.length || c.nat.serviceIpsecEsp) present.push('nat');
        if (c.routes.length) present.push('routes');
        if (c.accessLists.length) present.push('acl');
        const blocks: UnknownBlock[] = r.unknown.map(([i, g]) => ({ after: present[g % present.length]!, lines: UNKNOWN_POOL[i]! }));
        // The model keeps them in render order (by group, then as listed).
        const order = ['start', 'hostname', 'crypto', 'interfaces', 'routers', 'global-ip', 'nat', 'routes', 'acl'];
        c.unknown = blocks.sort((a, b) => order.indexOf(a.after) - order.indexOf(b.after));
        return c;
      }),
  );
