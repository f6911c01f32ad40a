// The crypto show commands: show crypto isakmp sa, ipsec sa, session and map.
import { rule, SHOW_HELP, viaDevice, type ExecRule } from './exec-rule';
import { cryptoMapsFromConfig } from './show/crypto-map-data';
import { formatCryptoIpsecSa, formatCryptoIsakmpSa, formatCryptoMap, formatCryptoSession } from './show/crypto-show';

export const CRYPTO_SHOW_RULES: ExecRule[] = [
  rule('show.crypto-isakmp-sa', 'show crypto isakmp sa [detail]:detail', (c, a) => viaDevice(c, 'show.crypto-isakmp-sa', a, c.device.isakmpSas?.bind(c.device), formatCryptoIsakmpSa, 'IKE'), SHOW_HELP),
  rule('show.crypto-ipsec-sa', 'show crypto ipsec sa [detail]:detail', (c, a) => viaDevice(c, 'show.crypto-ipsec-sa', a, c.device.ipsecSas?.bind(c.device), (d) => formatCryptoIpsecSa(d, !!a.detail), 'IPsec'), SHOW_HELP),
  rule('show.crypto-session', 'show crypto session [detail]:detail', (c, a) => viaDevice(c, 'show.crypto-session', a, c.device.cryptoSessions?.bind(c.device), (d) => formatCryptoSession(d, !!a.detail), 'IPsec'), SHOW_HELP),
  rule('show.crypto-map', 'show crypto map', (c, a) => viaDevice(c, 'show.crypto-map', a, c.device.cryptoMaps?.bind(c.device) ?? (() => cryptoMapsFromConfig(c.device.config())), formatCryptoMap, 'IPsec'), SHOW_HELP),
];
