// crypto isakmp (policy, key, keepalive, profile), crypto keyring, crypto ipsec (transform-set,
// profile, df-bit, lifetime) and crypto map, with their sub-modes.
import type { ConfigAction } from '../actions';
import { newIsakmpPolicy, type IosConfig, type IsakmpAuth, type IsakmpEncryption, type IsakmpHash, type SaLifetime, type Transform } from '../model';
import { findOrAdd, modeRules, num, removeWhere, rule, type ConfigRule } from './common';

const PFS = '{group1|group2|group5|group14|group15|group16|group19|group20|group21|group24}:group';
const LIFETIME = 'set security-association lifetime {seconds <120-2592000:seconds>|kilobytes <2560-4294967295:kilobytes>}:unit';
const SET_HELP = {
  set: 'Set values for encryption/decryption',
  pfs: 'Specify pfs settings',
  'transform-set': 'Specify list of transform sets in priority order',
  'security-association': 'Security association duration',
  lifetime: 'security association lifetime',
  seconds: 'Time-based key duration in seconds',
  kilobytes: 'Volume-based key duration',
  'isakmp-profile': 'Specify isakmp Profile',
  peer: 'Allowed Encryption/Decryption peer',
  group1: 'D-H Group1 (768-bit modp) key exchange',
  group2: 'D-H Group2 (1024-bit modp) key exchange',
  group5: 'D-H Group5 (1536-bit modp) key exchange',
  group14: 'D-H Group14 (2048-bit modp) key exchange',
  group19: 'D-H Group19 (256-bit ecp) key exchange',
  group20: 'D-H Group20 (384-bit ecp) key exchange',
  sets: 'Transform set names, in priority order',
};

/** Transforms IOS accepts in a transform set; esp-aes and esp-gcm take an optional key size. */
const TRANSFORMS = new Set([
  'esp-aes', 'esp-gcm', 'esp-gmac', 'esp-3des', 'esp-des', 'esp-null', 'esp-seal',
  'esp-sha-hmac', 'esp-md5-hmac', 'esp-sha256-hmac', 'esp-sha384-hmac', 'esp-sha512-hmac',
  'ah-sha-hmac', 'ah-md5-hmac', 'ah-sha256-hmac', 'ah-sha384-hmac', 'ah-sha512-hmac', 'comp-lzs',
]);
const KEYED = new Set(['esp-aes', 'esp-gcm', 'esp-gmac']);

/** Parses `esp-aes 256 esp-sha-hmac`; 128 (the default size) is dropped as IOS does. */
export function parseTransforms(text: string): Transform[] | string {
  const words = text.trim().split(/\s+/);
  const out: Transform[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    if (!TRANSFORMS.has(w)) return w;
    const t: Transform = { name: w };
    const next = words[i + 1];
    if (KEYED.has(w) && next && /^(128|192|256)$/.test(next)) {
      i++;
      if (next !== '128') t.keyBits = Number(next);
    }
    out.push(t);
  }
  return out.length > 0 && out.length <= 4 ? out : text;
}

function lifetimeFrom(a: ConfigAction, target: SaLifetime): void {
  const unit = a.args.unit;
  if (a.no) {
    if (unit !== 'kilobytes') delete target.seconds;
    if (unit !== 'seconds') delete target.kilobytes;
    return;
  }
  if (unit === 'seconds') target.seconds = num(a, 'seconds');
  if (unit === 'kilobytes') target.kilobytes = num(a, 'kilobytes');
}

const policy = (c: IosConfig, a: ConfigAction) =>
  findOrAdd(c.crypto.isakmpPolicies, (p) => p.priority === Number(a.context.policy), () => newIsakmpPolicy(Number(a.context.policy)), (p) => p.priority);
const keyring = (c: IosConfig, a: ConfigAction) => findOrAdd(c.crypto.keyrings, (k) => k.name === a.context.keyring, () => ({ name: a.context.keyring!, preSharedKeys: [], extra: [] }));
const isaProfile = (c: IosConfig, a: ConfigAction) =>
  findOrAdd(c.crypto.isakmpProfiles, (k) => k.name === a.context.profile, () => ({ name: a.context.profile!, keyrings: [], matchIdentities: [], extra: [] }));
const tset = (c: IosConfig, a: ConfigAction) => c.crypto.transformSets.find((t) => t.name === a.context.transformSet)!;
const ipsecProfile = (c: IosConfig, a: ConfigAction) =>
  findOrAdd(c.crypto.ipsecProfiles, (p) => p.name === a.context.ipsecProfile, () => ({ name: a.context.ipsecProfile!, transformSets: [], lifetime: {}, extra: [] }));
const mapEntry = (c: IosConfig, a: ConfigAction) => c.crypto.cryptoMaps.find((m) => m.name === a.context.map && m.seq === Number(a.context.seq))!;

/** `set transform-set`, `set pfs`, lifetime and isakmp-profile are shared by profiles and maps. */
function setRules(mode: 'ipsec-profile' | 'config-crypto-map', target: (c: IosConfig, a: ConfigAction) => { transformSets: string[]; pfs?: string; lifetime: SaLifetime; isakmpProfile?: string }): ConfigRule[] {
  return [
    rule(
      mode,
      `${mode}.set-transform-set`,
      'set transform-set <line:sets>',
      (c, a) => {
        const t = target(c, a);
        if (a.no) {
          t.transformSets = [];
          return;
        }
        const names = a.args.sets!.split(/\s+/);
        if (names.length > 6) return { error: '% Too many transform sets (at most 6)' };
        const missing = names.find((n) => !c.crypto.transformSets.some((s) => s.name === n));
        t.transformSets = names;
        if (missing) return { notes: [`ERROR: transform set with tag "${missing}" does not exist.`] };
      },
      { help: SET_HELP, noMin: 2 },
    ),
    rule(
      mode,
      `${mode}.set-pfs`,
      `set pfs [${PFS}]`,
      (c, a) => {
        const t = target(c, a);
        if (a.no) delete t.pfs;
        else t.pfs = a.args.group ?? 'group1';
      },
      { help: SET_HELP, noMin: 2 },
    ),
    rule(mode, `${mode}.set-lifetime`, LIFETIME, (c, a) => lifetimeFrom(a, target(c, a).lifetime), { help: SET_HELP, noMin: 3 }),
    rule(
      mode,
      `${mode}.set-isakmp-profile`,
      'set isakmp-profile <word:name>',
      (c, a) => {
        const t = target(c, a);
        if (a.no) delete t.isakmpProfile;
        else t.isakmpProfile = a.args.name!;
      },
      { help: SET_HELP, noMin: 2 },
    ),
  ];
}

const ISAKMP_HELP = {
  crypto: 'Encryption module',
  isakmp: 'Configure ISAKMP policy',
  policy: 'Set policy for an ISAKMP protection suite',
  priority: 'Priority of protection suite',
  key: 'Set pre-shared key for remote peer',
  keystring: 'The UNENCRYPTED (cleartext) user password.',
  address: 'define shared key with IP address',
  peer: 'Peer IP address',
  mask: 'Peer IP subnet mask',
  'no-xauth': 'Bypasses XAuth for this peer',
  keepalive: 'Set a keepalive interval for use with IOS peers',
  nat: 'Set a keepalive interval for use with IOS peers',
  profile: 'Define ISAKMP Profiles',
  '0': 'Specifies an UNENCRYPTED password will follow',
  '6': 'Specifies an ENCRYPTED password will follow',
};

export const cryptoRules: ConfigRule[] = [
  rule(
    'config',
    'crypto.isakmp-policy',
    'crypto isakmp policy <1-10000:priority>',
    (c, a) => {
      if (a.no) {
        removeWhere(c.crypto.isakmpPolicies, (p) => p.priority === Number(a.args.priority));
        return;
      }
      policy(c, { ...a, context: { policy: a.args.priority! } });
      return { enter: { mode: 'config-isakmp', context: { policy: a.args.priority! } } };
    },
    { noMin: 4, help: ISAKMP_HELP },
  ),
  rule(
    'config-isakmp',
    'isakmp.encryption',
    'encryption {des|3des|aes [{128|192|256}:bits]}:enc',
    (c, a) => {
      const p = policy(c, a);
      if (a.no) {
        p.encryption = 'des';
        delete p.keyLength;
        return;
      }
      p.encryption = a.args.enc as IsakmpEncryption;
      if (a.args.bits && a.args.bits !== '128') p.keyLength = Number(a.args.bits);
      else delete p.keyLength;
    },
    { help: { encryption: 'Set encryption algorithm for protection suite', des: 'Data Encryption Standard (56 bit keys).', '3des': 'Three key triple DES', aes: 'AES - Advanced Encryption Standard.', '128': '128 bit keys.', '192': '192 bit keys.', '256': '256 bit keys.' } },
  ),
  rule(
    'config-isakmp',
    'isakmp.hash',
    'hash {sha|sha256|sha384|sha512|md5}:hash',
    (c, a) => {
      policy(c, a).hash = a.no ? 'sha' : (a.args.hash as IsakmpHash);
    },
    { help: { hash: 'Set hash algorithm for protection suite', sha: 'Secure Hash Standard', sha256: 'Secure Hash Standard 2 (256 bit)', sha384: 'Secure Hash Standard 2 (384 bit)', sha512: 'Secure Hash Standard 2 (512 bit)', md5: 'Message Digest 5' } },
  ),
  rule(
    'config-isakmp',
    'isakmp.authentication',
    'authentication {pre-share|rsa-sig|rsa-encr}:auth',
    (c, a) => {
      policy(c, a).authentication = a.no ? 'rsa-sig' : (a.args.auth as IsakmpAuth);
    },
    { help: { authentication: 'Set authentication method for protection suite', 'pre-share': 'Pre-Shared Key', 'rsa-sig': 'Rivest-Shamir-Adleman Signature', 'rsa-encr': 'Rivest-Shamir-Adleman Encryption' } },
  ),
  rule(
    'config-isakmp',
    'isakmp.group',
    'group {1|2|5|14|15|16|19|20|21|24}:group',
    (c, a) => {
      policy(c, a).group = a.no ? 1 : Number(a.args.group);
    },
    { help: { group: 'Set the Diffie-Hellman group', '1': 'Diffie-Hellman group 1 (768 bit)', '2': 'Diffie-Hellman group 2 (1024 bit)', '5': 'Diffie-Hellman group 5 (1536 bit)', '14': 'Diffie-Hellman group 14 (2048 bit)', '19': 'Diffie-Hellman group 19 (256 bit ecp)', '20': 'Diffie-Hellman group 20 (384 bit ecp)' } },
  ),
  rule(
    'config-isakmp',
    'isakmp.lifetime',
    'lifetime <60-86400:seconds>',
    (c, a) => {
      policy(c, a).lifetime = a.no ? 86400 : num(a, 'seconds')!;
    },
    { help: { lifetime: 'Set lifetime for ISAKMP security association', seconds: 'lifetime in seconds' } },
  ),
  ...modeRules('config-isakmp'),
  rule(
    'config',
    'crypto.isakmp-key',
    'crypto isakmp key [{0|6}:enc] <word:keystring> address <ipv4:peer> [<ipv4:mask>] [no-xauth]:noxauth',
    (c, a) => {
      const keys = c.crypto.isakmpKeys;
      removeWhere(keys, (k) => k.address === a.args.peer && (a.args.mask === undefined || k.mask === a.args.mask));
      if (a.no) return;
      keys.push({
        key: a.args.keystring!,
        ...(a.args.enc === '6' ? { encryptionType: 6 } : {}),
        address: a.args.peer!,
        ...(a.args.mask && a.args.mask !== '255.255.255.255' ? { mask: a.args.mask } : {}),
        ...(a.args.noxauth ? { noXauth: true } : {}),
      });
    },
    { noMin: 6, help: ISAKMP_HELP },
  ),
  rule(
    'config',
    'crypto.isakmp-keepalive',
    'crypto isakmp keepalive <10-3600:interval> [<2-60:retry>] [{periodic|on-demand}:kmode]',
    (c, a) => {
      if (a.no) delete c.crypto.isakmpKeepalive;
      else
        c.crypto.isakmpKeepalive = {
          interval: num(a, 'interval')!,
          ...(a.args.retry ? { retry: num(a, 'retry') } : {}),
          ...(a.args.kmode ? { mode: a.args.kmode as 'periodic' | 'on-demand' } : {}),
        };
    },
    { noMin: 3, help: { ...ISAKMP_HELP, interval: 'number of seconds between keep alives', retry: 'number of seconds between retries if keepalive fails' } },
  ),
  rule(
    'config',
    'crypto.isakmp-nat-keepalive',
    'crypto isakmp nat keepalive <5-3600:seconds>',
    (c, a) => {
      if (a.no) delete c.crypto.isakmpNatKeepalive;
      else c.crypto.isakmpNatKeepalive = num(a, 'seconds');
    },
    { noMin: 4, help: { ...ISAKMP_HELP, nat: 'Set NAT related parameters', keepalive: 'Set NAT keepalive interval', seconds: 'Number of seconds between keepalives' } },
  ),
  rule(
    'config',
    'crypto.isakmp-profile',
    'crypto isakmp profile <word:name>',
    (c, a) => {
      if (a.no) {
        removeWhere(c.crypto.isakmpProfiles, (p) => p.name === a.args.name);
        return;
      }
      isaProfile(c, { ...a, context: { profile: a.args.name! } });
      return { enter: { mode: 'conf-isa-prof', context: { profile: a.args.name! } } };
    },
    { noMin: 4, help: ISAKMP_HELP },
  ),
  rule(
    'conf-isa-prof',
    'isaprof.keyring',
    'keyring <word:name>',
    (c, a) => {
      const p = isaProfile(c, a);
      removeWhere(p.keyrings, (k) => k === a.args.name);
      if (!a.no) p.keyrings.push(a.args.name!);
    },
    { noMin: 2, help: { keyring: 'Keyring', name: 'Keyring name' } },
  ),
  rule(
    'conf-isa-prof',
    'isaprof.match-identity',
    'match identity address <ipv4:address> [<ipv4:mask>]',
    (c, a) => {
      const p = isaProfile(c, a);
      removeWhere(p.matchIdentities, (m) => m.address === a.args.address);
      if (!a.no) p.matchIdentities.push({ address: a.args.address!, mask: a.args.mask ?? '255.255.255.255' });
    },
    { noMin: 4, help: { match: 'Match values of peer', identity: 'Peer identity', address: 'IP Address(es)' } },
  ),
  rule(
    'conf-isa-prof',
    'isaprof.self-identity',
    'self-identity <line:identity>',
    (c, a) => {
      const p = isaProfile(c, a);
      if (a.no) delete p.selfIdentity;
      else p.selfIdentity = a.args.identity!;
    },
    { noMin: 1, help: { 'self-identity': 'Specify Identity to use' } },
  ),
  rule(
    'conf-isa-prof',
    'isaprof.keepalive',
    'keepalive <10-3600:interval> retry <2-60:retry>',
    (c, a) => {
      const p = isaProfile(c, a);
      if (a.no) delete p.keepalive;
      else p.keepalive = { interval: num(a, 'interval')!, retry: num(a, 'retry')! };
    },
    { noMin: 1, help: { keepalive: 'Set a keepalive interval for use with IOS peers' } },
  ),
  rule(
    'conf-isa-prof',
    'isaprof.local-address',
    'local-address {<ipv4:addr>|<if:addr>}',
    (c, a) => {
      const p = isaProfile(c, a);
      if (a.no) delete p.localAddress;
      else p.localAddress = a.args.addr!;
    },
    { noMin: 1, help: { 'local-address': 'Interface to use for local address for this isakmp profile' } },
  ),
  ...modeRules('conf-isa-prof'),
  rule(
    'config',
    'crypto.keyring',
    'crypto keyring <word:name>',
    (c, a) => {
      if (a.no) {
        removeWhere(c.crypto.keyrings, (k) => k.name === a.args.name);
        return;
      }
      keyring(c, { ...a, context: { keyring: a.args.name! } });
      return { enter: { mode: 'conf-keyring', context: { keyring: a.args.name! } } };
    },
    { noMin: 3, help: { keyring: 'Key ring commands', name: 'Name of the key ring' } },
  ),
  rule(
    'conf-keyring',
    'keyring.psk',
    'pre-shared-key address <ipv4:address> [<ipv4:mask>] key <word:key>',
    (c, a) => {
      const k = keyring(c, a);
      removeWhere(k.preSharedKeys, (p) => p.address === a.args.address);
      if (!a.no) k.preSharedKeys.push({ address: a.args.address!, ...(a.args.mask ? { mask: a.args.mask } : {}), key: a.args.key! });
    },
    { noMin: 3, help: { 'pre-shared-key': 'specify pre-shared key by address', address: 'pre shared key by address', key: 'pre-shared-key' } },
  ),
  rule(
    'conf-keyring',
    'keyring.local-address',
    'local-address {<ipv4:addr>|<if:addr>}',
    (c, a) => {
      const k = keyring(c, a);
      if (a.no) delete k.localAddress;
      else k.localAddress = a.args.addr!;
    },
    { noMin: 1, help: { 'local-address': 'Limit the scope to a local address' } },
  ),
  ...modeRules('conf-keyring'),
  rule(
    'config',
    'crypto.transform-set',
    'crypto ipsec transform-set <word:name> <line:transforms>',
    (c, a) => {
      const name = a.args.name!;
      if (a.no) {
        removeWhere(c.crypto.transformSets, (t) => t.name === name);
        return;
      }
      const parsed = parseTransforms(a.args.transforms!);
      if (typeof parsed === 'string') return { error: `% Invalid transform set: ${parsed}` };
      const existing = c.crypto.transformSets.find((t) => t.name === name);
      if (existing) existing.transforms = parsed;
      else c.crypto.transformSets.push({ name, transforms: parsed, mode: 'tunnel', extra: [] });
      return { enter: { mode: 'cfg-crypto-trans', context: { transformSet: name } } };
    },
    {
      noMin: 4,
      help: {
        ipsec: 'Configure IPSEC policy',
        'transform-set': 'Define transform and settings',
        name: 'Transform set tag',
        transforms: 'esp-aes [128|192|256], esp-3des, esp-des, esp-gcm, esp-null; esp-sha-hmac, esp-md5-hmac, esp-sha256-hmac ...',
      },
    },
  ),
  rule(
    'cfg-crypto-trans',
    'tset.mode',
    'mode {tunnel|transport}:mode',
    (c, a) => {
      tset(c, a).mode = a.no ? 'tunnel' : (a.args.mode as 'tunnel' | 'transport');
    },
    { noMin: 1, help: { mode: 'encapsulation mode (transport/tunnel)', tunnel: 'tunnel (datagram encapsulation) mode', transport: 'transport (payload encapsulation) mode' } },
  ),
  ...modeRules('cfg-crypto-trans'),
  rule(
    'config',
    'crypto.ipsec-profile',
    'crypto ipsec profile <word:name>',
    (c, a) => {
      if (a.no) {
        removeWhere(c.crypto.ipsecProfiles, (p) => p.name === a.args.name);
        return;
      }
      ipsecProfile(c, { ...a, context: { ipsecProfile: a.args.name! } });
      return { enter: { mode: 'ipsec-profile', context: { ipsecProfile: a.args.name! } } };
    },
    { noMin: 4, help: { profile: 'Configure an ipsec policy profile', name: 'Profile name' } },
  ),
  ...setRules('ipsec-profile', ipsecProfile),
  ...modeRules('ipsec-profile'),
  rule(
    'config',
    'crypto.df-bit',
    'crypto ipsec df-bit {clear|set|copy}:df',
    (c, a) => {
      c.crypto.dfBit = a.no ? 'copy' : (a.args.df as 'clear' | 'set' | 'copy');
    },
    { noMin: 3, help: { 'df-bit': 'Handling of encapsulated DF bit.', clear: 'Clear DF bit for encapsulated packets.', set: 'Set DF bit for encapsulated packets.', copy: 'Copy DF bit from inner for encapsulated packets.' } },
  ),
  rule(
    'config',
    'crypto.nat-transparency',
    'crypto ipsec nat-transparency udp-encapsulation',
    (c, a) => {
      // On by default (not written); `no ...` turns NAT-T off: no NAT-D payloads, ESP never in UDP 4500.
      if (a.no) c.crypto.natTransparencyOff = true;
      else delete c.crypto.natTransparencyOff;
    },
    { noMin: 4, help: { 'nat-transparency': 'IPsec NAT transparency model', 'udp-encapsulation': 'UDP encapsulation of IPsec protocols' } },
  ),
  rule('config', 'crypto.sa-lifetime', `crypto ipsec ${LIFETIME.replace('set ', '')}`, (c, a) => lifetimeFrom(a, c.crypto.saLifetime), { noMin: 4, help: SET_HELP }),
  rule(
    'config',
    'crypto.map',
    'crypto map <word:map> <1-65535:seq> [ipsec-isakmp [dynamic <word:dynamic>]]',
    (c, a) => {
      const maps = c.crypto.cryptoMaps;
      const seq = Number(a.args.seq ?? -1);
      if (a.no) {
        removeWhere(maps, (m) => m.name === a.args.map && (a.args.seq === undefined || m.seq === seq));
        return;
      }
      let entry = maps.find((m) => m.name === a.args.map && m.seq === seq);
      const created = !entry;
      if (!entry) {
        entry = { name: a.args.map!, seq, peers: [], lifetime: {}, transformSets: [], extra: [] };
        // Entries of one map stay together, by sequence number, in the order maps first appear.
        const sameMap = maps.filter((m) => m.name === entry!.name);
        const after = sameMap.filter((m) => m.seq < seq).pop();
        const at = after ? maps.indexOf(after) + 1 : sameMap[0] ? maps.indexOf(sameMap[0]) : maps.length;
        maps.splice(at, 0, entry);
      }
      if (a.args.dynamic) {
        entry.dynamicMap = a.args.dynamic;
        return;
      }
      const enter = { mode: 'config-crypto-map' as const, context: { map: entry.name, seq: String(seq) } };
      // IOS warns when it creates an entry: it does nothing until it has a peer and an ACL.
      return created ? { enter, notes: ['% NOTE: This new crypto map will remain disabled until a peer', '        and a valid access list have been configured.'] } : { enter };
    },
    { noMin: 3, help: { map: 'Enter a crypto map', seq: 'Sequence to insert into crypto map entry', 'ipsec-isakmp': 'IPSEC w/ISAKMP', dynamic: 'Enable dynamic crypto map support' } },
  ),
  rule(
    'config-crypto-map',
    'cmap.set-peer',
    'set peer <ipv4:peer>',
    (c, a) => {
      const m = mapEntry(c, a);
      removeWhere(m.peers, (p) => p === a.args.peer);
      if (!a.no) m.peers.push(a.args.peer!);
    },
    { noMin: 2, help: SET_HELP },
  ),
  rule(
    'config-crypto-map',
    'cmap.match-address',
    'match address <word:acl>',
    (c, a) => {
      const m = mapEntry(c, a);
      if (a.no) delete m.matchAddress;
      else m.matchAddress = a.args.acl!;
    },
    { noMin: 2, help: { match: 'Match values.', address: 'Match address of packets to encrypt.', acl: 'IP access-list number or name' } },
  ),
  rule(
    'config-crypto-map',
    'cmap.description',
    'description <line:text>',
    (c, a) => {
      const m = mapEntry(c, a);
      if (a.no) delete m.description;
      else m.description = a.args.text!;
    },
    { noMin: 1, help: { description: 'Description of the crypto map statement policy' } },
  ),
  ...setRules('config-crypto-map', mapEntry),
  ...modeRules('config-crypto-map'),
];
