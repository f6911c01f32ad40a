// A preset DEFLATE dictionary of the text labs are made of: JSON keys and the IOS lines of
// hosts, VTIs, GRE, crypto maps, NAT and OSPF. DEFLATE can then refer back to these words from
// the first byte of a link, which is what makes a 20-device lab fit in a chat message.
// Changing this text breaks every link made with it: a new dictionary needs a new link version.
// Most frequent material goes last, where DEFLATE's back-references are shortest.
const WORDS = [
  'ip nat inside source list 1 interface GigabitEthernet0/1 overload\naccess-list 1 permit 10.0.0.0 0.0.0.255\n',
  'ip nat inside source static 10.0.0.10 198.51.100.10\n ip nat outside\n ip nat inside\n',
  'crypto map CMAP 10 ipsec-isakmp\n set peer 203.0.113.2\n set transform-set TSET\n match address 101\n crypto map CMAP\n',
  'access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255\n',
  'router ospf 1\n router-id 1.1.1.1\n network 10.0.0.0 0.255.255.255 area 0\n network 172.16.0.0 0.0.255.255 area 0\n passive-interface GigabitEthernet2\n',
  ' ip ospf network point-to-point\n ip mtu 1400\n ip tcp adjust-mss 1360\n tunnel path-mtu-discovery\n',
  'crypto ipsec transform-set TSET esp-aes 256 esp-sha256-hmac\n mode transport\n',
  'crypto keyring KR\n pre-shared-key address 0.0.0.0 0.0.0.0 key cisco123\n',
  ' description WAN\n description LAN\n shutdown\n no ip address\n',
  '"notes":"What to try: ping H2 from H1, then open the packet on the R1 - R2 link.","title":"IPsec ',
  '!\ninterface Loopback0\n ip address 1.1.1.1 255.255.255.255\n',
  '!\ninterface Tunnel0\n ip address 172.16.0.1 255.255.255.252\n tunnel source GigabitEthernet1\n tunnel mode ipsec ipv4\n tunnel destination 203.0.113.2\n tunnel protection ipsec profile PROF\n',
  'hostname R1\n!\ncrypto isakmp policy 10\n encr aes\n hash sha\n authentication pre-share\n group 14\ncrypto isakmp key cisco123 address 203.0.113.2\n!\ncrypto ipsec transform-set TSET esp-aes esp-sha-hmac\n mode tunnel\n!\ncrypto ipsec profile PROF\n set transform-set TSET\n',
  '!\ninterface GigabitEthernet1\n ip address 203.0.113.1 255.255.255.252\n!\ninterface GigabitEthernet2\n ip address 10.1.1.1 255.255.255.0\n!\nip route 10.2.2.0 255.255.255.0 Tunnel0\nip route 0.0.0.0 0.0.0.0 203.0.113.2\n',
  '{"name":"H1","kind":"host","x":0,"y":200,"config":"hostname H1\\nno ip routing\\n!\\ninterface Ethernet0\\n ip address 10.1.1.10 255.255.255.0\\n!\\nip default-gateway 10.1.1.1\\n"}',
  '{"name":"R1","kind":"router","x":250,"y":200,"config":"hostname R1\\n!\\ninterface GigabitEthernet1\\n ip address ',
  '{"a":"H1 Ethernet0","b":"R1 GigabitEthernet2"},{"a":"R1 GigabitEthernet1","b":"R2 GigabitEthernet1"}],"devices":[',
];

export const LINK_DICTIONARY: Uint8Array = new TextEncoder().encode(WORDS.join(''));
