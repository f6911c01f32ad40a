// `show crypto map` is mostly configuration: when the engine does not supply the live data
// (current peer), it is built from the config model alone.
import { aclEntryText, type IosConfig, type Transform } from '../../ios';
import type { CryptoMapData } from './crypto-types';

/** Transform names as IOS show output writes them: esp-aes 256 -> esp-256-aes. */
export function showTransformName(t: Transform): string {
  if (t.name === 'esp-aes' && t.keyBits) return `esp-${t.keyBits}-aes`;
  return t.keyBits ? `${t.name} ${t.keyBits}` : t.name;
}

export function cryptoMapsFromConfig(c: IosConfig): CryptoMapData[] {
  return c.crypto.cryptoMaps.map((m) => {
    const acl = m.matchAddress ? c.accessLists.find((l) => l.name === m.matchAddress) : undefined;
    const data: CryptoMapData = {
      name: m.name,
      seq: m.seq,
      kind: m.dynamicMap ? `ipsec-isakmp dynamic ${m.dynamicMap}` : 'ipsec-isakmp',
      securityAssociationLifetime: {
        kilobytes: m.lifetime.kilobytes ?? c.crypto.saLifetime.kilobytes ?? 4608000,
        seconds: m.lifetime.seconds ?? c.crypto.saLifetime.seconds ?? 3600,
      },
      pfs: m.pfs ?? 'N',
      transformSets: m.transformSets.map((name) => {
        const ts = c.crypto.transformSets.find((t) => t.name === name);
        return { name, transforms: ts ? ts.transforms.map(showTransformName).join(' ') : '', mode: ts?.mode ?? 'tunnel' };
      }),
      interfaces: c.interfaces.filter((i) => i.cryptoMap === m.name).map((i) => i.name),
    };
    if (m.peers[0]) data.peer = m.peers[0];
    if (m.isakmpProfile) data.isakmpProfile = m.isakmpProfile;
    if (m.matchAddress) {
      data.acl = {
        name: m.matchAddress,
        ...(acl ? { kind: acl.kind } : {}),
        lines: acl ? acl.entries.map((e) => `access-list ${acl.name} ${'remark' in e ? `remark ${e.remark}` : `${e.action} ${aclEntryText(e, acl.kind)}`}`) : [],
      };
    }
    return data;
  });
}
