// The crypto show layouts that have no other test: an entry without SAs, the filters, the
// tunnel's dynamic crypto map entry, and the configuration shows (policy, transform set, profile).
import { describe, expect, it } from 'vitest';
import type { CryptoSessionData, IpsecSaData } from './crypto-types';
import { formatCryptoIpsecSa, formatCryptoMap, formatCryptoSessionBrief } from './crypto-show';
import { formatInterface } from './interfaces';
import type { InterfaceDetail } from './types';
import { formatCryptoIsakmpPolicy, formatCryptoIpsecProfile, formatCryptoIpsecTransformSet } from './crypto-config-show';
import { parseConfig, shortInterfaceName } from '../../ios';
import { createConsole } from '../session';
import { fakeDevice } from '../testing/fake-device';

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

const CFG = `hostname HUB
crypto isakmp policy 10
 encr aes 256
 hash sha256
 authentication pre-share
 group 14
crypto isakmp policy 20
 encr 3des
 hash md5
 authentication pre-share
 group 2
 lifetime 3600
crypto ipsec transform-set TSET esp-aes esp-sha-hmac
 mode tunnel
crypto ipsec transform-set T256 esp-aes 256 esp-sha256-hmac
 mode transport
crypto ipsec profile PROF
 set transform-set TSET T256
 set pfs group14
`;

describe('configuration shows', () => {
  const c = parseConfig(CFG).config;

  it('show crypto isakmp policy: one protection suite per policy, in priority order, IOS wording', () => {
    expect(formatCryptoIsakmpPolicy(c)).toBe(
      '\nGlobal IKE policy\n' +
        'Protection suite of priority 10\n' +
        '\tencryption algorithm:\tAES - Advanced Encryption Standard (256 bit keys).\n' +
        '\thash algorithm:\t\tSecure Hash Standard 2 (256 bit)\n' +
        '\tauthentication method:\tPre-Shared Key\n' +
        '\tDiffie-Hellman group:\t#14 (2048 bit)\n' +
        '\tlifetime:\t\t86400 seconds, no volume limit\n' +
        'Protection suite of priority 20\n' +
        '\tencryption algorithm:\tThree key triple DES\n' +
        '\thash algorithm:\t\tMessage Digest 5\n' +
        '\tauthentication method:\tPre-Shared Key\n' +
        '\tDiffie-Hellman group:\t#2 (1024 bit)\n' +
        '\tlifetime:\t\t3600 seconds, no volume limit\n',
    );
  });

  it('show crypto ipsec transform-set [NAME]', () => {
    expect(formatCryptoIpsecTransformSet(c)).toBe(
      'Transform set TSET: { esp-aes esp-sha-hmac  } \n   will negotiate = { Tunnel,  }, \n   \n' +
        'Transform set T256: { esp-256-aes esp-sha256-hmac  } \n   will negotiate = { Transport,  }, \n   \n',
    );
    expect(formatCryptoIpsecTransformSet(c, 'T256')).toMatch(/^Transform set T256:/);
    expect(formatCryptoIpsecTransformSet(c, 'NOPE')).toBe('');
  });

  it('show crypto ipsec profile', () => {
    expect(formatCryptoIpsecProfile(c)).toBe(
      'IPSEC profile PROF\n' +
        '\tSecurity association lifetime: 4608000 kilobytes/3600 seconds\n' +
        '\tResponder-Only (Y/N): N\n' +
        '\tPFS (Y/N): Y\n\tDH group:  group14\n' +
        '\tMixed-mode : Disabled\n' +
        '\tTransform sets={ \n' +
        '\t\tTSET:  { esp-aes esp-sha-hmac  } , \n' +
        '\t\tT256:  { esp-256-aes esp-sha256-hmac  } , \n' +
        '\t}\n\n',
    );
  });
});

const SESSIONS: CryptoSessionData[] = [
  { interface: 'Tunnel1', uptime: '00:10:53', status: 'UP-ACTIVE', peer: '203.0.113.5', peerPort: 500, ikeSas: [{ local: '203.0.113.1', localPort: 500, remote: '203.0.113.5', remotePort: 500, status: 'Active' }], flows: [] },
  { interface: 'GigabitEthernet1', status: 'DOWN', peer: '203.0.113.9', peerPort: 500, ikeSas: [], flows: [] },
];

describe('show crypto session brief', () => {
  it('prints the IOS legend and one column-aligned line per session', () => {
    expect(formatCryptoSessionBrief(SESSIONS, shortInterfaceName)).toBe(
      'Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, N - Negotiating \n' +
        '        K - No IKE\n' +
        'ivrf = (none)\n' +
        'Peer            I/F          Username        Group/Phase1_id          Uptime   Status\n' +
        '203.0.113.5     Tu1                          203.0.113.5              00:10:53 UA\n' +
        '203.0.113.9     Gi1                                                            D\n',
    );
  });
});

describe('crypto show commands at the console', () => {
  const dev = { ...fakeDevice(CFG), ipsecSas: () => [NO_SA, { ...NO_SA, interface: 'Tunnel1', cryptoMapTag: 'Tunnel1-head-0', peer: '203.0.113.5', remoteEndpoint: '203.0.113.5' }], cryptoSessions: () => SESSIONS };
  const con = createConsole(dev, { privileged: true });

  it('filters show crypto ipsec sa by peer, interface and map, with or without detail', () => {
    const byPeer = con.execute('show crypto ipsec sa peer 203.0.113.5').output;
    expect(byPeer).toContain('interface: Tunnel1');
    expect(byPeer).not.toContain('interface: GigabitEthernet1');
    const byIf = con.execute('sh cry ip sa int gi1 detail').output;
    expect(byIf).toContain('interface: GigabitEthernet1');
    expect(byIf).not.toContain('Tunnel1');
    expect(byIf).toContain('#pkts no sa (send) 0');
    expect(con.execute('show crypto ipsec sa map CMAP').output).not.toContain('Tunnel1');
    expect(con.execute('show crypto ipsec sa peer 192.0.2.1').output.trim()).toBe('');
  });

  it('answers show crypto session brief, isakmp policy, transform-set and profile', () => {
    expect(con.execute('show crypto session brief').output).toContain('203.0.113.5     Tu1 ');
    expect(con.execute('sh cry isa pol').output).toContain('Protection suite of priority 20');
    expect(con.execute('show crypto ipsec transform-set T256').output).toMatch(/^Transform set T256: \{ esp-256-aes esp-sha256-hmac {2}\} /);
    expect(con.execute('show crypto ipsec profile PROF').output).toMatch(/^IPSEC profile PROF\n/);
  });
});

describe('show interfaces TunnelN: the IOS-XE linestate line', () => {
  const counters = { inputPackets: 0, inputBytes: 0, outputPackets: 0, outputBytes: 0, inputDrops: 0, outputDrops: 0, broadcasts: 0, multicasts: 0 };
  const vti: InterfaceDetail = { name: 'Tunnel0', kind: 'tunnel', ipAddress: '172.16.0.1', prefixLength: 30, method: 'NVRAM', status: 'up', protocol: 'up', mtu: 9922, lastInput: 'never', lastOutput: 'never', counters, tunnel: { sourceAddress: '172.24.0.10', destination: '18.233.247.21', protocol: 'IPSEC/IP', transportMtu: 1422, protectionProfile: 'P' } };

  it('prints `Tunnel linestate evaluation up` right after Keepalive, as the reference CSR1000v does', () => {
    expect(formatInterface(vti)).toContain('  MTU 9922 bytes, BW 100 Kbit/sec, DLY 50000 usec,\n');
    expect(formatInterface(vti)).toContain('  Keepalive not set\n  Tunnel linestate evaluation up\n  Tunnel source 172.24.0.10, destination 18.233.247.21\n');
  });

  it('prints the down reason instead while line protocol is down', () => {
    const down = formatInterface({ ...vti, protocol: 'down', mtu: 10000, tunnel: { ...vti.tunnel!, transportMtu: 1500, linestateDown: 'transport reg down' } });
    expect(down).toContain('  Tunnel linestate evaluation down - transport reg down\n');
    expect(down).not.toContain('evaluation up');
  });
});
