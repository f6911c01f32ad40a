// `interface X` and its sub-mode (config-if).
import { ipToNumber, numberToIp } from '../../wire/bytes';
import type { IosConfig, OspfNetworkType, TunnelMode } from '../model';
import { ctxInterface, getInterface, modeRules, num, rule, type ConfigRule } from './common';

const M = 'config-if' as const;

/** IOS refuses an address whose subnet overlaps another interface's: `% 10.1.1.0 overlaps with Gi2`. */
export function overlapping(c: IosConfig, self: string, address: string, mask: string): string | undefined {
  const inv = ~ipToNumber(mask) >>> 0;
  if ((inv & (inv + 1)) !== 0) return `Bad mask 0x${ipToNumber(mask).toString(16).toUpperCase()} for address ${address}`;
  const m = ipToNumber(mask);
  const net = (ipToNumber(address) & m) >>> 0;
  for (const other of c.interfaces) {
    if (other.name === self) continue;
    for (const o of [...(other.ipAddress ? [other.ipAddress] : []), ...other.secondaryAddresses]) {
      const om = ipToNumber(o.mask);
      const onet = (ipToNumber(o.address) & om) >>> 0;
      const wider = (m & om) >>> 0;
      if ((net & wider) >>> 0 === (onet & wider) >>> 0) {
        return `% ${numberToIp(net)} overlaps with ${other.name}`;
      }
    }
  }
  return undefined;
}

/** Interface settings that are one number; `no` removes the number (back to the default). */
type NumberField = 'ipMtu' | 'tcpAdjustMss' | 'ospfCost' | 'ospfHelloInterval' | 'ospfDeadInterval' | 'ospfPriority' | 'tunnelKey';

function numberRule(cmd: string, syntax: string, field: NumberField, arg: string, help: Record<string, string>): ConfigRule {
  return rule(
    M,
    cmd,
    syntax,
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i[field];
      else i[field] = num(a, arg);
    },
    { help },
  );
}

export const interfaceRules: ConfigRule[] = [
  rule(
    'config',
    'global.interface',
    'interface <if:name>',
    (c, a) => {
      const name = a.args.name!;
      if (a.no) {
        if (!/^(Loopback|Tunnel)/.test(name)) return { error: '% Removal of physical interfaces is not permitted' };
        c.interfaces = c.interfaces.filter((i) => i.name !== name);
        return;
      }
      getInterface(c, name);
      return { enter: { mode: M, context: { interface: name } } };
    },
    { help: { interface: 'Select an interface to configure' }, noMin: 2 },
  ),
  rule(
    M,
    'if.description',
    'description <line:text>',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.description;
      else i.description = a.args.text!;
    },
    { help: { description: 'Interface specific description', text: 'Up to 240 characters describing this interface' } },
  ),
  rule(
    M,
    'if.ip-address',
    'ip address <ipv4:address> <ipv4:mask> [secondary]:secondary',
    (c, a) => {
      const i = ctxInterface(c, a);
      const addr = a.args.address;
      const mask = a.args.mask;
      if (a.no) {
        if (addr && a.args.secondary) i.secondaryAddresses = i.secondaryAddresses.filter((s) => s.address !== addr);
        else if (addr && i.ipAddress && i.ipAddress.address !== addr) return { error: `% Address ${addr} not found` };
        else {
          delete i.ipAddress;
          i.secondaryAddresses = [];
        }
        return;
      }
      if (a.args.secondary) {
        if (!i.secondaryAddresses.some((s) => s.address === addr)) i.secondaryAddresses.push({ address: addr!, mask: mask! });
      } else i.ipAddress = { address: addr!, mask: mask! };
    },
    {
      noMin: 2,
      help: {
        ip: 'Interface Internet Protocol config commands',
        address: 'Set the IP address of an interface',
        mask: 'IP subnet mask',
        secondary: 'Make this IP address a secondary address',
      },
    },
  ),
  numberRule('if.ip-mtu', 'ip mtu <68-9216:mtu>', 'ipMtu', 'mtu', { mtu: 'Set IP Maximum Transmission Unit' }),
  rule(
    M,
    'if.ip-nat',
    'ip nat {inside|outside}:role',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.natRole;
      else i.natRole = a.args.role as 'inside' | 'outside';
    },
    { noMin: 3, help: { nat: 'NAT interface commands', inside: 'Inside interface for address translation', outside: 'Outside interface for address translation' } },
  ),
  numberRule('if.ip-tcp-adjust-mss', 'ip tcp adjust-mss <500-1460:mss>', 'tcpAdjustMss', 'mss', { tcp: 'TCP header compression and/or Adjust MSS parameters', 'adjust-mss': 'Adjust the mss of transit packets', mss: 'Maximum segment size in bytes' }),
  rule(
    M,
    'if.ip-ospf-network',
    'ip ospf network {point-to-point|broadcast|non-broadcast|point-to-multipoint}:type',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.ospfNetwork;
      else i.ospfNetwork = a.args.type as OspfNetworkType;
    },
    { help: { ospf: 'OSPF interface commands', network: 'Network type', 'point-to-point': 'Specify OSPF point-to-point network', broadcast: 'Specify OSPF broadcast multi-access network' } },
  ),
  numberRule('if.ip-ospf-cost', 'ip ospf cost <1-65535:cost>', 'ospfCost', 'cost', { cost: 'Interface cost' }),
  numberRule('if.ip-ospf-hello', 'ip ospf hello-interval <1-65535:seconds>', 'ospfHelloInterval', 'seconds', { 'hello-interval': 'Time between HELLO packets', seconds: 'Seconds' }),
  numberRule('if.ip-ospf-dead', 'ip ospf dead-interval <1-65535:seconds>', 'ospfDeadInterval', 'seconds', { 'dead-interval': 'Interval after which a neighbor is declared dead', seconds: 'Seconds' }),
  numberRule('if.ip-ospf-priority', 'ip ospf priority <0-255:priority>', 'ospfPriority', 'priority', { priority: 'Router priority' }),
  rule(
    M,
    'if.ip-ospf-area',
    'ip ospf <1-65535:pid> area {<0-4294967295:area>|<ipv4:area>}',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.ospfArea;
      else i.ospfArea = { processId: num(a, 'pid')!, area: a.args.area! };
    },
    { noMin: 3, help: { pid: 'Process ID', area: 'Set the OSPF area ID' } },
  ),
  rule(
    M,
    'if.shutdown',
    'shutdown',
    (c, a) => {
      ctxInterface(c, a).shutdown = !a.no;
    },
    { help: { shutdown: 'Shutdown the selected interface' } },
  ),
  rule(
    M,
    'if.crypto-map',
    'crypto map <word:map>',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.cryptoMap;
      else i.cryptoMap = a.args.map!;
    },
    { help: { crypto: 'Encryption/Decryption commands', map: 'Assign a Crypto Map' } },
  ),
  rule(
    M,
    'if.tunnel-source',
    'tunnel source {<ipv4:src>|<if:src>}',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.tunnelSource;
      else i.tunnelSource = a.args.src!;
    },
    { help: { tunnel: 'protocol-over-protocol tunneling', source: 'source of tunnel packets', src: 'ip address' } },
  ),
  rule(
    M,
    'if.tunnel-destination',
    'tunnel destination <ipv4:dst>',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.tunnelDestination;
      else i.tunnelDestination = a.args.dst!;
    },
    { help: { destination: 'destination of tunnel', dst: 'ip address' } },
  ),
  rule(
    M,
    'if.tunnel-mode',
    'tunnel mode {gre ip|gre multipoint|gre ipv6|ipsec ipv4|ipsec ipv6|ipip}:mode',
    (c, a) => {
      const i = ctxInterface(c, a);
      i.tunnelMode = a.no ? 'gre ip' : (a.args.mode as TunnelMode);
    },
    {
      help: {
        mode: 'tunnel encapsulation method',
        gre: 'generic route encapsulation protocol',
        ipsec: 'IPSec tunnel encapsulation',
        ip: 'over IP',
        ipv4: 'over IPv4',
        ipv6: 'over IPv6',
        multipoint: 'over IP (multipoint)',
        ipip: 'IP over IP encapsulation',
      },
    },
  ),
  numberRule('if.tunnel-key', 'tunnel key <0-4294967295:key>', 'tunnelKey', 'key', { key: 'security or selector key' }),
  rule(
    M,
    'if.tunnel-pmtud',
    'tunnel path-mtu-discovery',
    (c, a) => {
      ctxInterface(c, a).tunnelPathMtuDiscovery = !a.no;
    },
    { help: { 'path-mtu-discovery': 'Enable Path MTU Discovery on tunnel' } },
  ),
  rule(
    M,
    'if.tunnel-protection',
    'tunnel protection ipsec profile <word:profile> [shared]:shared',
    (c, a) => {
      const i = ctxInterface(c, a);
      if (a.no) delete i.tunnelProtection;
      else i.tunnelProtection = { profile: a.args.profile!, shared: !!a.args.shared };
    },
    { noMin: 2, help: { protection: 'Enable tunnel protection', ipsec: 'IPSec tunnel protection', profile: 'Determine the ipsec policy profile to use.', shared: 'Shared tunnel protection' } },
  ),
  ...modeRules(M),
];
