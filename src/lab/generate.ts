// Generated labs for benchmarks and stress tests: a hub with static IPsec VTIs to N spokes, each
// spoke optionally with a host, routed by static routes or by OSPF over the tunnels. Real IOS
// configs, so a generated lab exercises the same parser and engine as a learner's.
import type { DeviceV1, Lab, LinkV1 } from './types';

export interface HubSpokeOptions {
  spokes: number;
  /** Put a host behind the hub and behind every spoke. */
  hosts?: boolean;
  /** Route with OSPF over the VTIs instead of static routes. */
  ospf?: boolean;
}

const block = (i: number, base: string) => {
  const [a, b] = base.split('.');
  return `${a}.${b}.${i >> 6}.${(i & 63) * 4}`;
};
const plus = (address: string, n: number) => {
  const parts = address.split('.').map(Number);
  parts[3] = parts[3]! + n;
  return parts.join('.');
};

const CRYPTO = `crypto isakmp policy 10
 encr aes
 hash sha
 authentication pre-share
 group 14
`;
const IPSEC = `crypto ipsec transform-set TSET esp-aes esp-sha-hmac
 mode tunnel
!
crypto ipsec profile PROF
 set transform-set TSET
`;

const tunnel = (n: number, address: string, source: string, destination: string, ospf: boolean) =>
  `!\ninterface Tunnel${n}\n ip address ${address} 255.255.255.252\n${ospf ? ' ip ospf network point-to-point\n' : ''} tunnel source ${source}\n tunnel mode ipsec ipv4\n tunnel destination ${destination}\n tunnel protection ipsec profile PROF\n`;
const ethernet = (name: string, address: string, mask: string) => `!\ninterface ${name}\n ip address ${address} ${mask}\n`;
const host = (name: string, address: string, gateway: string) =>
  `hostname ${name}\nno ip routing\n!\ninterface Ethernet0\n ip address ${address} 255.255.255.0\n!\nip default-gateway ${gateway}\n`;

export function generateHubSpokeLab({ spokes, hosts = false, ospf = false }: HubSpokeOptions): Lab {
  const devices: DeviceV1[] = [];
  const links: LinkV1[] = [];
  let hub = `hostname HUB\n!\n${CRYPTO}crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0\n!\n${IPSEC}`;
  let hubRoutes = '';
  for (let i = 1; i <= spokes; i++) {
    const wan = block(i, '100.64.0.0');
    const tun = block(i, '172.16.0.0');
    const lan = `10.${i >> 8}.${i & 255}.0`;
    hub += tunnel(i, plus(tun, 1), `GigabitEthernet${i}`, plus(wan, 2), ospf);
    hub += ethernet(`GigabitEthernet${i}`, plus(wan, 1), '255.255.255.252');
    hubRoutes += ospf ? '' : `ip route ${lan} 255.255.255.0 Tunnel${i}\n`;
    let spoke = `hostname S${i}\n!\n${CRYPTO}crypto isakmp key cisco123 address ${plus(wan, 1)}\n!\n${IPSEC}`;
    spoke += tunnel(0, plus(tun, 2), 'GigabitEthernet1', plus(wan, 1), ospf);
    spoke += ethernet('GigabitEthernet1', plus(wan, 2), '255.255.255.252');
    spoke += ethernet('GigabitEthernet2', plus(lan, 1), '255.255.255.0');
    spoke += ospf
      ? `!\nrouter ospf 1\n network 172.16.0.0 0.0.255.255 area 0\n network ${lan} 0.0.0.255 area 0\n`
      : `!\nip route 10.0.0.0 255.0.0.0 Tunnel0\n`;
    const angle = (2 * Math.PI * i) / spokes;
    const x = Math.round(600 + 450 * Math.cos(angle));
    const y = Math.round(500 + 450 * Math.sin(angle));
    devices.push({ name: `S${i}`, kind: 'router', x, y, config: spoke });
    links.push({ a: `HUB GigabitEthernet${i}`, b: `S${i} GigabitEthernet1` });
    if (hosts) {
      devices.push({ name: `H${i}`, kind: 'host', x: Math.round(600 + 650 * Math.cos(angle)), y: Math.round(500 + 650 * Math.sin(angle)), config: host(`H${i}`, plus(lan, 10), plus(lan, 1)) });
      links.push({ a: `S${i} GigabitEthernet2`, b: `H${i} Ethernet0` });
    }
  }
  const hubLan = `GigabitEthernet${spokes + 1}`;
  hub += ethernet(hubLan, '10.0.0.1', '255.255.255.0');
  hub += ospf ? `!\nrouter ospf 1\n network 172.16.0.0 0.0.255.255 area 0\n network 10.0.0.0 0.0.0.255 area 0\n` : `!\n${hubRoutes}`;
  devices.unshift({ name: 'HUB', kind: 'router', x: 600, y: 500, config: hub });
  if (hosts) {
    devices.push({ name: 'H0', kind: 'host', x: 600, y: 400, config: host('H0', '10.0.0.10', '10.0.0.1') });
    links.push({ a: `HUB ${hubLan}`, b: 'H0 Ethernet0' });
  }
  return {
    format: 'tunnelscope-lab',
    version: 1,
    title: `Hub and ${spokes} spokes over IPsec VTIs${ospf ? ' with OSPF' : ''}`,
    notes: 'A generated lab.',
    seed: 1,
    devices,
    links,
  };
}
