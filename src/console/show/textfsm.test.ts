// The ntc-templates TextFSM templates in ../shared/reference/ntc parse our formatters' output into
// the right fields, as they parse real IOS output.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { python, skipWithout } from '../../testing/tools';
import { IFACES, ROUTES, SA, SESSION } from '../testing/show-fixtures';
import { formatCryptoIpsecSa, formatCryptoSession } from './crypto-show';
import { formatInterfaces } from './interfaces';
import { formatIpRoute } from './ip-route';

const NTC = join(import.meta.dirname, '../../../../shared/reference/ntc');
const PARSE = `
import sys, json, textfsm
with open(sys.argv[1]) as f:
    t = textfsm.TextFSM(f)
rows = t.ParseText(sys.stdin.read())
print(json.dumps([dict(zip(t.header, r)) for r in rows]))
`;
type Row = Record<string, string | string[]>;
const textfsm = (template: string, text: string): Row[] => JSON.parse(python(PARSE, [join(NTC, template)], text)) as Row[];

describe.skipIf(skipWithout('textfsm'))('ntc-templates parse our show output', () => {
  it('show ip route', () => {
    const rows = textfsm('cisco_ios_show_ip_route.textfsm', formatIpRoute(ROUTES));
    expect(rows.map((r) => `${r.PROTOCOL}${r.TYPE ? ` ${r.TYPE}` : ''} ${r.NETWORK}/${r.PREFIX_LENGTH} [${r.DISTANCE}/${r.METRIC}] ${r.NEXTHOP_IP || '-'} ${r.NEXTHOP_IF || '-'}${r.FLAG ? ` ${r.FLAG}` : ''}`)).toEqual([
      'S 0.0.0.0/0 [1/0] 10.0.0.1 - *',
      'C 10.0.0.0/24 [/] - GigabitEthernet1',
      'L 10.0.0.10/32 [/] - GigabitEthernet1',
      'C 10.1.1.0/24 [/] - GigabitEthernet2',
      'L 10.1.1.1/32 [/] - GigabitEthernet2',
      'O 10.2.2.0/24 [110/1001] 172.16.0.2 Tunnel0',
      'C 172.16.0.0/30 [/] - Tunnel0',
      'L 172.16.0.1/32 [/] - Tunnel0',
      'S 192.168.5.0/24 [1/0] 10.0.0.1 -',
      'S 192.168.5.0/24 [1/0] 10.0.0.2 -',
    ]);
  });

  it('show ip route ospf (filtered): the template still reads the route, the gateway line does not confuse it', () => {
    const rows = textfsm('cisco_ios_show_ip_route.textfsm', formatIpRoute(ROUTES, (r) => r.code === 'O'));
    expect(rows.map((r) => `${r.PROTOCOL} ${r.NETWORK}/${r.PREFIX_LENGTH} [${r.DISTANCE}/${r.METRIC}] ${r.NEXTHOP_IP} ${r.NEXTHOP_IF} ${r.UPTIME}`)).toEqual(['O 10.2.2.0/24 [110/1001] 172.16.0.2 Tunnel0 00:01:05']);
  });

  it('show interfaces', () => {
    const rows = textfsm('cisco_ios_show_interfaces.textfsm', formatInterfaces(IFACES));
    expect(rows.map((r) => [r.INTERFACE, r.LINK_STATUS, r.PROTOCOL_STATUS, r.HARDWARE_TYPE, r.IP_ADDRESS, r.PREFIX_LENGTH, r.MTU, r.MAC_ADDRESS, r.DESCRIPTION, r.INPUT_PACKETS, r.OUTPUT_PACKETS, r.ENCAPSULATION])).toEqual([
      ['Tunnel0', 'up', 'up', 'Tunnel', '172.16.0.1', '30', '17916', '', '', '12', '15', 'TUNNEL'],
      ['GigabitEthernet1', 'up', 'up', 'CSR vNIC', '10.0.0.10', '24', '1500', '5254.0012.3401', 'to NAT1', '12', '15', 'ARPA'],
      ['GigabitEthernet2', 'administratively down', 'down', 'CSR vNIC', '', '', '1500', '5254.0012.3402', '', '12', '15', 'ARPA'],
    ]);
  });

  it('show crypto ipsec sa detail', () => {
    const rows = textfsm('cisco_ios_show_crypto_ipsec_sa_detail.textfsm', formatCryptoIpsecSa([SA], true));
    expect(rows).toHaveLength(2);
    const [inb, out] = rows as [Row, Row];
    expect([inb.INTERFACE, inb.CRYPTO_MAP_TAG, inb.LOCAL_ADDR, inb.CURRENT_PEER, inb.PORT, inb.PKTS_ENCAPS, inb.PKTS_DECAPS, inb.PLAINTEXT_MTU, inb.PATH_MTU, inb.IP_MTU_IDB]).toEqual([
      'Tunnel0', 'Tunnel0-head-0', '10.0.0.10', '198.51.100.2', '4500', '31', '8', '1422', '1500', 'GigabitEthernet1',
    ]);
    expect([inb.CURRENT_OUTBOUND_SPI_HEX, inb.CURRENT_OUTBOUND_SPI_DEC]).toEqual(['0x962C9052', '2519502930']);
    expect([inb.SA_ORIENTATION, inb.SA_SPI_HEX, inb.SA_SPI_DEC, inb.SA_TRANSFORM, inb.SA_IN_USE_SETTINGS, inb.SA_STATUS, inb.SA_REPLAY_WINDOW_SIZE]).toEqual([
      'inbound', '0x75622E80', '1969368704', 'esp-aes esp-sha-hmac', 'Tunnel UDP-Encaps', 'ACTIVE(ACTIVE)', '64',
    ]);
    expect([out.SA_ORIENTATION, out.SA_SPI_HEX, out.SA_CONN_ID, out.SA_LIFETIME_KBYTES, out.SA_LIFETIME_SEC]).toEqual(['outbound', '0x962C9052', '2004', '4607999', '3427']);
  });

  it('show crypto session detail', () => {
    const rows = textfsm('cisco_ios_show_crypto_session_detail.textfsm', formatCryptoSession([SESSION], true));
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect([r.INTERFACE, r.SESSION_STATUS, r.UPTIME, r.PEER, r.PORT, r.FVRF, r.LOCAL_IP, r.LOCAL_PORT, r.REMOTE_IP, r.REMOTE_PORT, r.IKEV1_STATUS, r.CAPABILITIES, r.CONN_ID, r.LIFETIME, r.PERMIT, r.SRC_HOST, r.SRC_MASK, r.ACTIVE_SA, r.ORIGIN]).toEqual([
      'Tunnel0', 'UP-ACTIVE', '00:02:10', '198.51.100.2', '4500', '(none)', '10.0.0.10', '4500', '198.51.100.2', '4500', 'Active', 'N', '1001', '23:57:50', 'ip', '0.0.0.0', '0.0.0.0', '2', 'crypto map',
    ]);
  });
});
