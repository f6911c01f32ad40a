// Sample show data shaped like the reference labs (vti through NAT, OSPF), for formatter tests.
import type { CryptoSessionData, IpsecSaData } from '../show/crypto-types';
import type { InterfaceDetail, IpRouteData } from '../show/types';

export const ROUTES: IpRouteData = {
  routing: true,
  routes: [
    { network: '0.0.0.0', prefixLength: 0, code: 'S', distance: 1, metric: 0, nextHop: '10.0.0.1' },
    { network: '10.0.0.0', prefixLength: 24, code: 'C', distance: 0, metric: 0, interface: 'GigabitEthernet1' },
    { network: '10.0.0.10', prefixLength: 32, code: 'L', distance: 0, metric: 0, interface: 'GigabitEthernet1' },
    { network: '10.1.1.0', prefixLength: 24, code: 'C', distance: 0, metric: 0, interface: 'GigabitEthernet2' },
    { network: '10.1.1.1', prefixLength: 32, code: 'L', distance: 0, metric: 0, interface: 'GigabitEthernet2' },
    { network: '10.2.2.0', prefixLength: 24, code: 'O', distance: 110, metric: 1001, nextHop: '172.16.0.2', interface: 'Tunnel0', age: '00:01:05' },
    { network: '172.16.0.0', prefixLength: 30, code: 'C', distance: 0, metric: 0, interface: 'Tunnel0' },
    { network: '172.16.0.1', prefixLength: 32, code: 'L', distance: 0, metric: 0, interface: 'Tunnel0' },
    { network: '192.168.5.0', prefixLength: 24, code: 'S', distance: 1, metric: 0, nextHop: '10.0.0.1' },
    { network: '192.168.5.0', prefixLength: 24, code: 'S', distance: 1, metric: 0, nextHop: '10.0.0.2' },
  ],
};

const counters = { inputPackets: 12, inputBytes: 1200, outputPackets: 15, outputBytes: 1500, inputDrops: 0, outputDrops: 0, broadcasts: 0, multicasts: 0 };
export const IFACES: InterfaceDetail[] = [
  { name: 'Tunnel0', kind: 'tunnel', ipAddress: '172.16.0.1', prefixLength: 30, method: 'NVRAM', status: 'up', protocol: 'up', mtu: 17916, lastInput: '00:00:01', lastOutput: 'never', counters, tunnel: { sourceAddress: '10.0.0.10', sourceInterface: 'GigabitEthernet1', destination: '198.51.100.2', protocol: 'IPSEC/IP', transportMtu: 1500, protectionProfile: 'PROF' } },
  { name: 'GigabitEthernet1', kind: 'ethernet', mac: '52:54:00:12:34:01', ipAddress: '10.0.0.10', prefixLength: 24, method: 'NVRAM', status: 'up', protocol: 'up', mtu: 1500, lastInput: '00:00:00', lastOutput: '00:00:00', counters, description: 'to NAT1' },
  { name: 'GigabitEthernet2', kind: 'ethernet', mac: '52:54:00:12:34:02', method: 'unset', status: 'administratively down', protocol: 'down', mtu: 1500, lastInput: 'never', lastOutput: 'never', counters },
];

const esp = (spi: number, conn: number) => ({ spi, transform: 'esp-aes esp-sha-hmac', settings: '{Tunnel UDP-Encaps, }', connId: conn, flowId: `CSR:${conn - 2000}`, cryptoMap: 'Tunnel0-head-0', remainingKb: 4607999, remainingSec: 3427, ivSize: 16, replayWindow: 64 });
export const SA: IpsecSaData = {
  interface: 'Tunnel0',
  cryptoMapTag: 'Tunnel0-head-0',
  localAddress: '10.0.0.10',
  localIdent: { address: '0.0.0.0', mask: '0.0.0.0', protocol: 0, port: 0 },
  remoteIdent: { address: '0.0.0.0', mask: '0.0.0.0', protocol: 0, port: 0 },
  peer: '198.51.100.2',
  peerPort: 4500,
  flags: 'origin_is_acl,',
  encaps: 31,
  encrypt: 31,
  digest: 31,
  decaps: 8,
  decrypt: 8,
  verify: 8,
  sendErrors: 0,
  recvErrors: 0,
  localEndpoint: '10.0.0.10',
  remoteEndpoint: '198.51.100.2',
  plaintextMtu: 1422,
  pathMtu: 1500,
  ipMtu: 1500,
  ipMtuIdb: 'GigabitEthernet1',
  outboundSpi: 0x962c9052,
  pfs: false,
  inbound: [esp(0x75622e80, 2003)],
  outbound: [esp(0x962c9052, 2004)],
};

export const SESSION: CryptoSessionData = {
  interface: 'Tunnel0',
  uptime: '00:02:10',
  status: 'UP-ACTIVE',
  peer: '198.51.100.2',
  peerPort: 4500,
  ikeSas: [{ local: '10.0.0.10', localPort: 4500, remote: '198.51.100.2', remotePort: 4500, status: 'Active', connId: 1001, capabilities: 'N', lifetime: '23:57:50' }],
  flows: [{ description: 'permit ip 0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0', activeSas: 2, origin: 'crypto map', inboundPackets: 8, outboundPackets: 31, inboundKbLeft: 4607999, outboundKbLeft: 4607999 }],
};

