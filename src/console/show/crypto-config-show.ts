// The crypto shows that print configuration, not state: show crypto isakmp policy, show crypto
// ipsec transform-set and show crypto ipsec profile, in the IOS 15 / IOS-XE layouts (tabs as the
// device prints them). IOS 15.2(4)M+ also lists its built-in `default` transform set and
// `default` profile; the simulation has no default transform set (a profile needs `set
// transform-set`), so neither is printed here.
import type { IosConfig, IsakmpPolicy, TransformSet } from '../../ios';
import { showTransformName } from './crypto-map-data';

const ENCRYPTION: Record<string, (bits: number) => string> = {
  des: () => 'DES - Data Encryption Standard (56 bit keys).',
  '3des': () => 'Three key triple DES',
  aes: (bits) => `AES - Advanced Encryption Standard (${bits} bit keys).`,
};
const HASH: Record<string, string> = {
  sha: 'Secure Hash Standard',
  md5: 'Message Digest 5',
  sha256: 'Secure Hash Standard 2 (256 bit)',
  sha384: 'Secure Hash Standard 2 (384 bit)',
  sha512: 'Secure Hash Standard 2 (512 bit)',
};
const AUTH: Record<string, string> = {
  'pre-share': 'Pre-Shared Key',
  'rsa-sig': 'Rivest-Shamir-Adleman Signature',
  'rsa-encr': 'Rivest-Shamir-Adleman Encryption',
};
const GROUP_BITS: Record<number, string> = { 1: '768 bit', 2: '1024 bit', 5: '1536 bit', 14: '2048 bit', 15: '3072 bit', 16: '4096 bit', 19: '256 bit', 20: '384 bit', 21: '521 bit', 24: '2048 bit, 256 bit subgroup' };

function suite(p: IsakmpPolicy): string[] {
  return [
    `\tencryption algorithm:\t${(ENCRYPTION[p.encryption] ?? (() => p.encryption))(p.keyLength ?? 128)}`,
    `\thash algorithm:\t\t${HASH[p.hash] ?? p.hash}`,
    `\tauthentication method:\t${AUTH[p.authentication] ?? p.authentication}`,
    `\tDiffie-Hellman group:\t#${p.group} (${GROUP_BITS[p.group] ?? 'unknown'})`,
    `\tlifetime:\t\t${p.lifetime} seconds, no volume limit`,
  ];
}

/** `show crypto isakmp policy`; with no policy IOS lists only its default suite. */
export function formatCryptoIsakmpPolicy(c: IosConfig): string {
  const out = ['', 'Global IKE policy'];
  const policies = [...c.crypto.isakmpPolicies].sort((a, b) => a.priority - b.priority);
  for (const p of policies) out.push(`Protection suite of priority ${p.priority}`, ...suite(p));
  if (policies.length === 0) {
    out.push('Default protection suite', ...suite({ priority: 65535, encryption: 'des', hash: 'sha', authentication: 'rsa-sig', group: 1, lifetime: 86400, extra: [] }));
  }
  return out.join('\n') + '\n';
}

const setText = (t: TransformSet) => `{ ${t.transforms.map(showTransformName).join(' ')}  }`;

/** `show crypto ipsec transform-set [NAME]`. */
export function formatCryptoIpsecTransformSet(c: IosConfig, name?: string): string {
  const sets = c.crypto.transformSets.filter((t) => name === undefined || t.name === name);
  const out: string[] = [];
  for (const t of sets) out.push(`Transform set ${t.name}: ${setText(t)} `, `   will negotiate = { ${t.mode === 'transport' ? 'Transport' : 'Tunnel'},  }, `, '   ');
  return out.length ? out.join('\n') + '\n' : '';
}

/** `show crypto ipsec profile [NAME]`. */
export function formatCryptoIpsecProfile(c: IosConfig, name?: string): string {
  const out: string[] = [];
  for (const p of c.crypto.ipsecProfiles.filter((x) => name === undefined || x.name === name)) {
    out.push(`IPSEC profile ${p.name}`);
    if (p.isakmpProfile) out.push(`\tISAKMP Profile: ${p.isakmpProfile}`);
    out.push(
      `\tSecurity association lifetime: ${p.lifetime.kilobytes ?? c.crypto.saLifetime.kilobytes ?? 4608000} kilobytes/${p.lifetime.seconds ?? c.crypto.saLifetime.seconds ?? 3600} seconds`,
      '\tResponder-Only (Y/N): N',
      `\tPFS (Y/N): ${p.pfs ? `Y\n\tDH group:  ${p.pfs}` : 'N'}`,
      '\tMixed-mode : Disabled',
      '\tTransform sets={ ',
      ...p.transformSets.map((n) => {
        const t = c.crypto.transformSets.find((x) => x.name === n);
        return `\t\t${n}:  ${t ? setText(t) : '{ }'} , `;
      }),
      '\t}',
      '',
    );
  }
  return out.length ? out.join('\n') + '\n' : '';
}
