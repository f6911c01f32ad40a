// The crypto show layouts that have no other test: an entry without SAs, the filters, the
// tunnel's dynamic crypto map entry, and the configuration shows (policy, transform set, profile).
import { describe, expect, it } from 'vitest';
import type { IpsecSaData } from './crypto-types';
import { formatCryptoIpsecSa, formatCryptoMap } from './crypto-show';

export const NO_SA: IpsecSaData = {
  interface: 'GigabitEthernet1', cryptoMapTag: 'CMAP', localAddress: '203.0.113.1',
  localIdent: { address: '10.0.0.0', mask: '255.255.255.0', protocol: 0, port: 0 },
  remoteIdent: { address: '10.2.2.0', mask: '255.255.255.0', protocol: 0, port: 0 },
  peer: '203.0.113.9', peerPort: 500, flags: 'origin_is_acl,',
  encaps: 0, encrypt: 0, digest: 0, decaps: 0, decrypt: 0, verify: 0, sendErrors: 0, recvErrors: 0,
  localEndpoint: '203.0.113.1', remoteEndpoint: '203.0.113.9',
  plaintextMtu: 1500, pathMtu: 1500, ipMtu: 1500, ipMtuIdb: 'GigabitEthernet1', outboundSpi: 0, pfs: false,
  inbound: [], outbound: [],
};

describe('show crypto ipsec sa', () => {
  it('prints an entry that has no SA as IOS does (SPI 0x0(0), empty SA sections)', () => {
    expect(formatCryptoIpsecSa([NO_SA])).toBe(
      [
        '',
        'interface: GigabitEthernet1',
        '    Crypto map tag: CMAP, local addr 203.0.113.1',
        '',
        '   protected vrf: (none)',
        '   local  ident (addr/mask/prot/port): (10.0.0.0/255.255.255.0/0/0)',
        '   remote ident (addr/mask/prot/port): (10.2.2.0/255.255.255.0/0/0)',
        '   current_peer 203.0.113.9 port 500',
        '     PERMIT, flags={origin_is_acl,}',
        '    #pkts encaps: 0, #pkts encrypt: 0, #pkts digest: 0',
        '    #pkts decaps: 0, #pkts decrypt: 0, #pkts verify: 0',
        '    #pkts compressed: 0, #pkts decompressed: 0',
        '    #pkts not compressed: 0, #pkts compr. failed: 0',
        '    #pkts not decompressed: 0, #pkts decompress failed: 0',
        '    #send errors 0, #recv errors 0',
        '',
        '     local crypto endpt.: 203.0.113.1, remote crypto endpt.: 203.0.113.9',
        '     plaintext mtu 1500, path mtu 1500, ip mtu 1500, ip mtu idb GigabitEthernet1',
        '     current outbound spi: 0x0(0)',
        '     PFS (Y/N): N, DH group: none',
        '',
        '     inbound esp sas:',
        '',
        '     inbound ah sas:',
        '',
        '     inbound pcp sas:',
        '',
        '     outbound esp sas:',
        '',
        '     outbound ah sas:',
        '',
        '     outbound pcp sas:',
        '',
      ].join('\n'),
    );
  });
});

describe('show crypto map: a protected tunnel\'s own map', () => {
  it('prints the profile template and the profile instance as IOS does', () => {
    const base = { name: 'Tunnel1-head-0', kind: 'ipsec-isakmp', securityAssociationLifetime: { kilobytes: 4608000, seconds: 3600 }, pfs: 'N', transformSets: [{ name: 'TSET', transforms: 'esp-aes esp-sha-hmac', mode: 'tunnel' }] };
    const text = formatCryptoMap([
      { ...base, seq: 65536, profileName: 'PROF', interfaces: [] },
      { ...base, seq: 65537, profileInstance: true, peer: '203.0.113.5', acl: { name: '', lines: ['access-list  permit ip any any'] }, currentPeer: '203.0.113.5', interfaces: ['Tunnel1'] },
    ]);
    expect(text).toBe(
      'Crypto Map IPv4 "Tunnel1-head-0" 65536 ipsec-isakmp\n' +
        '\tProfile name: PROF\n' +
        '\tSecurity association lifetime: 4608000 kilobytes/3600 seconds\n' +
        '\tResponder-Only (Y/N): N\n\tPFS (Y/N): N\n\tMixed-mode : Disabled\n' +
        '\tTransform sets={ \n\t\tTSET:  { esp-aes esp-sha-hmac  } , \n\t}\n\n' +
        'Crypto Map IPv4 "Tunnel1-head-0" 65537 ipsec-isakmp\n' +
        '\tMap is a PROFILE INSTANCE.\n' +
        '\tPeer = 203.0.113.5\n' +
        '\tExtended IP access list \n' +
        '\t    access-list  permit ip any any\n' +
        '\tCurrent peer: 203.0.113.5\n' +
        '\tSecurity association lifetime: 4608000 kilobytes/3600 seconds\n' +
        '\tResponder-Only (Y/N): N\n\tPFS (Y/N): N\n\tMixed-mode : Disabled\n' +
        '\tTransform sets={ \n\t\tTSET:  { esp-aes esp-sha-hmac  } , \n\t}\n' +
        '\tInterfaces using crypto map Tunnel1-head-0:\n\t\tTunnel1\n\n',
    );
  });
});
