// The crypto show commands: show crypto isakmp sa / policy, ipsec sa (all, by peer, interface or
// map, [detail]), ipsec transform-set / profile, session [brief|detail] and map.
import { shortInterfaceName } from '../ios';
import { rule, SHOW_HELP, viaDevice, type ExecContext, type ExecRule } from './exec-rule';
import { cryptoMapsFromConfig } from './show/crypto-map-data';
import { formatCryptoIsakmpPolicy, formatCryptoIpsecProfile, formatCryptoIpsecTransformSet } from './show/crypto-config-show';
import { formatCryptoIpsecSa, formatCryptoIsakmpSa, formatCryptoMap, formatCryptoSession, formatCryptoSessionBrief } from './show/crypto-show';
import type { IpsecSaData } from './show/crypto-types';

const HELP: Record<string, string> = {
  ...SHOW_HELP,
  peer: 'IPSEC SA for a peer',
  interface: 'Show info for interface',
  iface: 'Interface name',
  map: 'IPSEC SA for crypto map',
  brief: 'Show crypto sessions summary',
  policy: 'Show ISAKMP protection suite policy',
  'transform-set': 'Crypto transform sets',
  profile: 'ipsec profile information',
  name: 'Name',
};

/** `show crypto ipsec sa` restricted to some flows (IOS keeps the layout, lists fewer entries). */
function ipsecSa(c: ExecContext, a: Record<string, string>, keep: (f: IpsecSaData) => boolean): string {
  const data = c.device.ipsecSas?.bind(c.device);
  return viaDevice(c, 'show.crypto-ipsec-sa', a, data && (() => data().filter(keep)), (d) => formatCryptoIpsecSa(d, !!a.detail), 'IPsec');
}

export const CRYPTO_SHOW_RULES: ExecRule[] = [
  rule('show.crypto-isakmp-sa', 'show crypto isakmp sa [detail]:detail', (c, a) => viaDevice(c, 'show.crypto-isakmp-sa', a, c.device.isakmpSas?.bind(c.device), formatCryptoIsakmpSa, 'IKE'), HELP),
  rule('show.crypto-isakmp-policy', 'show crypto isakmp policy', (c) => formatCryptoIsakmpPolicy(c.device.config()), HELP),
  rule('show.crypto-ipsec-sa', 'show crypto ipsec sa [detail]:detail', (c, a) => ipsecSa(c, a, () => true), HELP),
  rule('show.crypto-ipsec-sa-peer', 'show crypto ipsec sa peer <ipv4:peer> [detail]:detail', (c, a) => ipsecSa(c, a, (f) => f.peer === a.peer), HELP),
  rule('show.crypto-ipsec-sa-interface', 'show crypto ipsec sa interface <if:iface> [detail]:detail', (c, a) => ipsecSa(c, a, (f) => f.interface === a.iface), HELP),
  rule('show.crypto-ipsec-sa-map', 'show crypto ipsec sa map <word:map> [detail]:detail', (c, a) => ipsecSa(c, a, (f) => f.cryptoMapTag === a.map), HELP),
  rule('show.crypto-ipsec-transform-set', 'show crypto ipsec transform-set [<word:name>]', (c, a) => formatCryptoIpsecTransformSet(c.device.config(), a.name), HELP),
  rule('show.crypto-ipsec-profile', 'show crypto ipsec profile [<word:name>]', (c, a) => formatCryptoIpsecProfile(c.device.config(), a.name), HELP),
  rule('show.crypto-session', 'show crypto session [detail]:detail', (c, a) => viaDevice(c, 'show.crypto-session', a, c.device.cryptoSessions?.bind(c.device), (d) => formatCryptoSession(d, !!a.detail), 'IPsec'), HELP),
  rule('show.crypto-session-brief', 'show crypto session brief', (c, a) => viaDevice(c, 'show.crypto-session-brief', a, c.device.cryptoSessions?.bind(c.device), (d) => formatCryptoSessionBrief(d, shortInterfaceName), 'IPsec'), HELP),
  rule('show.crypto-map', 'show crypto map', (c, a) => viaDevice(c, 'show.crypto-map', a, c.device.cryptoMaps?.bind(c.device) ?? (() => cryptoMapsFromConfig(c.device.config())), formatCryptoMap, 'IPsec'), HELP),
];
