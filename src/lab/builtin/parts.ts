// Config fragments the built-in labs are assembled from, so each lab file shows only what makes
// it different. Each returns IOS running-config text ending in a newline.

export const hostConfig = (name: string, address: string, gateway: string) =>
  `hostname ${name}
no ip routing
!
interface Ethernet0
 ip address ${address} 255.255.255.0
!
ip default-gateway ${gateway}
`;

export const isakmpPolicy = (peer: string, key = 'cisco123') =>
  `crypto isakmp policy 10
 encr aes
 hash sha
 authentication pre-share
 group 14
crypto isakmp key ${key} address ${peer}
`;

export const transformSet = (mode: 'tunnel' | 'transport', name = 'TSET') =>
  `crypto ipsec transform-set ${name} esp-aes esp-sha-hmac
 mode ${mode}
`;

export const ipsecProfile = (transformSetName = 'TSET') =>
  `crypto ipsec profile PROF
 set transform-set ${transformSetName}
`;

export interface TunnelSpec {
  number?: number;
  address: string;
  destination: string;
  mode: 'ipsec' | 'gre';
  protection: boolean;
  ospf?: boolean;
}

export const tunnelInterface = (t: TunnelSpec) =>
  `interface Tunnel${t.number ?? 0}
 ip address ${t.address} 255.255.255.252
${t.ospf ? ' ip ospf network point-to-point\n' : ''} tunnel source GigabitEthernet1
${t.mode === 'ipsec' ? ' tunnel mode ipsec ipv4\n' : ''} tunnel destination ${t.destination}
${t.protection ? ' tunnel protection ipsec profile PROF\n' : ''}`;

export const ethernet = (name: string, address: string, mask = '255.255.255.0', extra = '') =>
  `interface ${name}
 ip address ${address} ${mask}
${extra}`;

/** Joins config sections with IOS's "!" separators. */
export const sections = (...parts: string[]) => parts.filter((p) => p.length > 0).join('!\n');
