import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse';
import { renderConfig } from './render';

const VTI = `hostname R1
!
crypto isakmp policy 10
 encr aes 256
 hash sha
 authentication pre-share
 group 14
 lifetime 28800
crypto isakmp key cisco123 address 203.0.113.2
crypto isakmp nat keepalive 20
!
crypto ipsec transform-set TSET esp-aes 128 esp-sha-hmac
 mode transport
!
crypto ipsec profile PROF
 set transform-set TSET
 set pfs group14
 set security-association lifetime seconds 3600
!
interface Tunnel0
 description to R2
 ip address 172.16.0.1 255.255.255.252
 ip mtu 1400
 ip tcp adjust-mss 1360
 ip ospf network point-to-point
 ip ospf cost 10
 ip ospf 1 area 0
 tunnel source GigabitEthernet1
 tunnel mode ipsec ipv4
 tunnel destination 203.0.113.2
 tunnel key 5
 tunnel path-mtu-discovery
 tunnel protection ipsec profile PROF shared
 ip virtual-reassembly
!
interface GigabitEthernet1
 ip address 203.0.113.1 255.255.255.252
 ip nat outside
 shutdown
 crypto map CMAP
!
router ospf 1
 router-id 1.1.1.1
 passive-interface GigabitEthernet2
 network 172.16.0.0 0.0.0.3 area 0
!
ip route 0.0.0.0 0.0.0.0 203.0.113.2
ip route 10.2.2.0 255.255.255.0 Tunnel0 172.16.0.2 5 name R2LAN
`;

describe('parseConfig', () => {
  it('reads a VTI router into the model', () => {
    const { config: c, unsupported, errors } = parseConfig(VTI);
    expect(errors).toEqual([]);
    expect(unsupported).toEqual([{ lineNo: 34, text: 'ip virtual-reassembly', section: 'interface Tunnel0' }]);
    expect(c.hostname).toBe('R1');
    expect(c.crypto.isakmpPolicies).toEqual([{ priority: 10, encryption: 'aes', keyLength: 256, hash: 'sha', authentication: 'pre-share', group: 14, lifetime: 28800, extra: [] }]);
    expect(c.crypto.isakmpKeys).toEqual([{ key: 'cisco123', address: '203.0.113.2' }]);
    expect(c.crypto.isakmpNatKeepalive).toBe(20);
    expect(c.crypto.transformSets).toEqual([{ name: 'TSET', transforms: [{ name: 'esp-aes' }, { name: 'esp-sha-hmac' }], mode: 'transport', extra: [] }]);
    expect(c.crypto.ipsecProfiles[0]).toEqual({ name: 'PROF', transformSets: ['TSET'], pfs: 'group14', lifetime: { seconds: 3600 }, extra: [] });
    const [tu, gi] = c.interfaces;
    expect(tu).toMatchObject({
      name: 'Tunnel0',
      description: 'to R2',
      ipAddress: { address: '172.16.0.1', mask: '255.255.255.252' },
      ipMtu: 1400,
      tcpAdjustMss: 1360,
      ospfNetwork: 'point-to-point',
      ospfCost: 10,
      ospfArea: { processId: 1, area: '0' },
      shutdown: false,
      tunnelSource: 'GigabitEthernet1',
      tunnelMode: 'ipsec ipv4',
      tunnelDestination: '203.0.113.2',
      tunnelKey: 5,
      tunnelPathMtuDiscovery: true,
      tunnelProtection: { profile: 'PROF', shared: true },
      extra: ['ip virtual-reassembly'],
    });
    expect(gi).toMatchObject({ name: 'GigabitEthernet1', shutdown: true, natRole: 'outside', cryptoMap: 'CMAP' });
    expect(c.ospf).toEqual([{ processId: 1, routerId: '1.1.1.1', passiveDefault: false, passiveInterfaces: ['GigabitEthernet2'], nonPassiveInterfaces: [], networks: [{ address: '172.16.0.0', wildcard: '0.0.0.3', area: '0' }], extra: [] }]);
    expect(c.routes).toEqual([
      { prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '203.0.113.2' },
      { prefix: '10.2.2.0', mask: '255.255.255.0', interface: 'Tunnel0', nextHop: '172.16.0.2', distance: 5, name: 'R2LAN' },
    ]);
  });

  it('renders IOS defaults away and keeps unknown lines in their section', () => {
    const text = renderConfig(parseConfig(VTI).config);
    expect(text).not.toContain('hash sha\n');
    expect(text).toContain(' encr aes 256\n authentication pre-share\n group 14\n lifetime 28800\ncrypto isakmp key cisco123 address 203.0.113.2\n');
    expect(text).toContain('crypto ipsec transform-set TSET esp-aes esp-sha-hmac\n mode transport\n!');
    expect(text).toContain(' tunnel protection ipsec profile PROF shared\n ip virtual-reassembly\n!');
  });

  it('accepts abbreviations, split interface names and odd indentation as IOS does', () => {
    const { config, unsupported } = parseConfig('hostname X\nint gi 0/1\n  ip add 10.0.0.1 255.0.0.0\n  no shut\nint tu0\n tun mode gre ip\n');
    expect(unsupported).toEqual([]);
    expect(config.interfaces.map((i) => i.name)).toEqual(['Tunnel0', 'GigabitEthernet0/1']);
    expect(config.interfaces[1]!.ipAddress).toEqual({ address: '10.0.0.1', mask: '255.0.0.0' });
    expect(renderConfig(config)).toBe('hostname X\n!\ninterface Tunnel0\n no ip address\n!\ninterface GigabitEthernet0/1\n ip address 10.0.0.1 255.0.0.0\n');
  });

  it('keeps an unknown top-level section with its children, in place', () => {
    const text = 'hostname R\n!\ninterface Gi1\n ip address 1.1.1.1 255.255.255.0\n!\nrouter bgp 65000\n bgp log-neighbor-changes\n !\n address-family ipv4\n  network 1.1.1.0 mask 255.255.255.0\n exit-address-family\n!\nip route 0.0.0.0 0.0.0.0 1.1.1.2\n';
    const r = parseConfig(text);
    expect(r.unsupported.map((u) => u.lineNo)).toEqual([6, 7, 9, 10, 11]);
    expect(r.unsupported[1]!.section).toBe('router bgp 65000');
    expect(r.config.unknown).toEqual([{ after: 'interfaces', lines: ['router bgp 65000', ' bgp log-neighbor-changes', ' !', ' address-family ipv4', '  network 1.1.1.0 mask 255.255.255.0', ' exit-address-family'] }]);
    expect(renderConfig(r.config)).toBe(text.replace('interface Gi1', 'interface GigabitEthernet1'));
  });

  it('hosts: no ip routing and ip default-gateway', () => {
    const r = parseConfig('hostname H1\nno ip routing\n!\ninterface Ethernet0\n ip address 10.1.1.10 255.255.255.0\n!\nip default-gateway 10.1.1.1\n');
    expect(r.config.ipRouting).toBe(false);
    expect(r.config.defaultGateway).toBe('10.1.1.1');
    expect(renderConfig(r.config)).toBe('hostname H1\n!\nno ip routing\n!\ninterface Ethernet0\n ip address 10.1.1.10 255.255.255.0\n!\nip default-gateway 10.1.1.1\n');
  });

  it('access lists, NAT and crypto maps', () => {
    const r = parseConfig(`ip nat pool P 198.51.100.10 198.51.100.20 netmask 255.255.255.0
ip nat inside source list 1 interface GigabitEthernet0/1 overload
ip nat inside source list 2 pool P
ip nat inside source static 10.0.0.10 198.51.100.10
ip nat service ipsec-esp enable
crypto map CMAP 10 ipsec-isakmp
 set peer 203.0.113.2
 set transform-set TSET
 set pfs group14
 match address 101
access-list 1 permit 10.0.0.0 0.0.0.255
access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255
access-list 101 permit udp host 1.1.1.1 eq 500 any eq 4500 log
ip access-list extended VPN
 remark interesting traffic
 permit gre host 1.1.1.1 host 2.2.2.2
 deny   ip any any
`);
    expect(r.unsupported).toEqual([]);
    expect(r.config.nat.insideSourceLists).toEqual([
      { acl: '1', interface: 'GigabitEthernet0/1', overload: true },
      { acl: '2', pool: 'P', overload: false },
    ]);
    expect(r.config.nat.serviceIpsecEsp).toBe(true);
    expect(r.config.crypto.cryptoMaps[0]).toMatchObject({ name: 'CMAP', seq: 10, peers: ['203.0.113.2'], transformSets: ['TSET'], pfs: 'group14', matchAddress: '101' });
    expect(r.config.accessLists.map((l) => l.name)).toEqual(['VPN', '1', '101']);
    const text = renderConfig(r.config);
    expect(text).toContain('access-list 101 permit udp host 1.1.1.1 eq isakmp any eq non500-isakmp log\n');
    expect(text).toContain('ip access-list extended VPN\n remark interesting traffic\n permit gre host 1.1.1.1 host 2.2.2.2\n deny ip any any\n');
  });

  it('reports a broken known command as an error and keeps the line', () => {
    const r = parseConfig('crypto ipsec transform-set T esp-bogus esp-sha-hmac\n mode tunnel\n');
    expect(r.errors.map((e) => e.lineNo)).toEqual([1]);
    expect(r.unsupported.map((u) => u.lineNo)).toEqual([2]);
    expect(renderConfig(r.config)).toContain('crypto ipsec transform-set T esp-bogus esp-sha-hmac\n mode tunnel');
  });

  it('writes the global ip nat and ip route lines as one run, as IOS does', () => {
    const text = renderConfig(parseConfig('hostname N\nip route 0.0.0.0 0.0.0.0 198.51.100.1\nip nat inside source static 10.0.0.10 198.51.100.10\n').config);
    expect(text).toBe('hostname N\n!\nip nat inside source static 10.0.0.10 198.51.100.10\nip route 0.0.0.0 0.0.0.0 198.51.100.1\n');
  });
});
