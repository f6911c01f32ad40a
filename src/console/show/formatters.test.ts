import { describe, expect, it } from 'vitest';
import { ip } from '../../sim';
import { IFACES, ROUTES } from '../testing/show-fixtures';
import { formatArp } from './arp';
import { formatIpInterfaceBrief } from './ip-interface-brief';
import { formatIpRoute } from './ip-route';
import { formatIpNatTranslations, formatIpOspfNeighbor } from './other';
import { formatPing, formatTraceroute } from './ping';
import { formatRunningConfig } from './running-config';
import { parseConfig } from '../../ios';

describe('show formatters', () => {
  it('show ip interface brief: IOS columns', () => {
    expect(formatIpInterfaceBrief(IFACES)).toBe(
      'Interface              IP-Address      OK? Method Status                Protocol\n' +
        'Tunnel0                172.16.0.1      YES NVRAM  up                    up      \n' +
        'GigabitEthernet1       10.0.0.10       YES NVRAM  up                    up      \n' +
        'GigabitEthernet2       unassigned      YES unset  administratively down down    \n',
    );
  });

  it('show ip route: classful grouping, continuation lines, gateway of last resort', () => {
    const lines = formatIpRoute(ROUTES).split('\n');
    expect(lines.slice(10, 24)).toEqual([
      'Gateway of last resort is 10.0.0.1 to network 0.0.0.0',
      '',
      'S*    0.0.0.0/0 [1/0] via 10.0.0.1',
      '      10.0.0.0/8 is variably subnetted, 5 subnets, 2 masks',
      'C        10.0.0.0/24 is directly connected, GigabitEthernet1',
      'L        10.0.0.10/32 is directly connected, GigabitEthernet1',
      'C        10.1.1.0/24 is directly connected, GigabitEthernet2',
      'L        10.1.1.1/32 is directly connected, GigabitEthernet2',
      'O        10.2.2.0/24 [110/1001] via 172.16.0.2, 00:01:05, Tunnel0',
      '      172.16.0.0/16 is variably subnetted, 2 subnets, 2 masks',
      'C        172.16.0.0/30 is directly connected, Tunnel0',
      'L        172.16.0.1/32 is directly connected, Tunnel0',
      'S     192.168.5.0/24 [1/0] via 10.0.0.1',
      '                     [1/0] via 10.0.0.2',
    ]);
    const same = formatIpRoute({ routing: true, routes: [{ network: '2.2.2.2', prefixLength: 32, code: 'C', distance: 0, metric: 0, interface: 'Loopback0' }, { network: '2.2.2.3', prefixLength: 32, code: 'S', distance: 1, metric: 0, nextHop: '10.0.0.1' }] });
    expect(same).toContain('Gateway of last resort is not set\n\n      2.0.0.0/32 is subnetted, 2 subnets\nC        2.2.2.2 is directly connected, Loopback0\nS        2.2.2.3 [1/0] via 10.0.0.1\n');
  });

  it('show ip route on a host shows the default gateway', () => {
    expect(formatIpRoute({ routing: false, defaultGateway: '10.1.1.1', routes: [] })).toBe('Default gateway is 10.1.1.1\n\nHost               Gateway           Last Use    Total Uses  Interface\nICMP redirect cache is empty\n');
  });

  it('show arp', () => {
    expect(formatArp([{ address: '10.1.1.1', mac: '52:54:00:12:34:02', interface: 'GigabitEthernet2' }, { address: '10.1.1.10', ageMinutes: 0, mac: '52:54:00:ab:cd:ef', interface: 'GigabitEthernet2' }])).toBe(
      'Protocol  Address          Age (min)  Hardware Addr   Type   Interface\n' +
        'Internet  10.1.1.1                -   5254.0012.3402  ARPA   GigabitEthernet2\n' +
        'Internet  10.1.1.10               0   5254.00ab.cdef  ARPA   GigabitEthernet2\n',
    );
  });

  it('ping: marks, source, success rate', () => {
    const replies = ['.', '!', '!', '!', '!'].map((mark, seq) => ({ seq, mark: mark as '!' | '.', rtt: 1000 }));
    expect(formatPing({ target: ip('10.2.2.10'), size: 100, repeat: 5, timeout: 2, source: ip('10.1.1.1'), replies, received: 4, successRate: 80, rttMs: { min: 1, avg: 1, max: 2 } })).toBe(
      'Type escape sequence to abort.\nSending 5, 100-byte ICMP Echos to 10.2.2.10, timeout is 2 seconds:\nPacket sent with a source address of 10.1.1.1 \n.!!!!\nSuccess rate is 80 percent (4/5), round-trip min/avg/max = 1/1/2 ms\n',
    );
    const lost = Array.from({ length: 100 }, (_, seq) => ({ seq, mark: '.' as const }));
    const out = formatPing({ target: ip('10.9.9.9'), size: 100, repeat: 100, timeout: 2, replies: lost, received: 0, successRate: 0 });
    expect(out.split('\n').slice(2, 5)).toEqual(['.'.repeat(70), '.'.repeat(30), 'Success rate is 0 percent (0/100)']);
  });

  it('traceroute: hops, timeouts', () => {
    const out = formatTraceroute({
      target: ip('10.2.2.10'),
      reached: true,
      hops: [
        { ttl: 1, probes: [{ from: ip('10.1.1.1'), rtt: 1000 }, { from: ip('10.1.1.1'), rtt: 0 }, { from: ip('10.1.1.1'), rtt: 1000 }] },
        { ttl: 2, probes: [{}, {}, {}] },
        { ttl: 3, probes: [{ from: ip('10.2.2.10'), rtt: 2000 }, {}, { from: ip('10.2.2.10'), rtt: 2000 }] },
      ],
    });
    expect(out).toBe('Type escape sequence to abort.\nTracing the route to 10.2.2.10\nVRF info: (vrf in name/id, vrf out name/id)\n  1 10.1.1.1 1 msec 0 msec 1 msec\n  2 *  *  * \n  3 10.2.2.10 2 msec *  2 msec\n');
  });

  it('show running-config wraps the rendered config', () => {
    const out = formatRunningConfig(parseConfig('hostname R1\ninterface Gi1\n shutdown\n').config);
    expect(out).toBe('Building configuration...\n\nCurrent configuration : 74 bytes\n!\nhostname R1\n!\ninterface GigabitEthernet1\n no ip address\n shutdown\n!\nend\n');
    expect(out.slice(out.indexOf('!\nhostname')).length).toBe(74);
  });

  it('show ip nat translations and show ip ospf neighbor', () => {
    expect(formatIpNatTranslations([{ protocol: '---', insideGlobal: '198.51.100.10', insideLocal: '10.0.0.10', outsideLocal: '---', outsideGlobal: '---' }])).toBe(
      'Pro  Inside global         Inside local          Outside local         Outside global\n--- 198.51.100.10         10.0.0.10             ---                   ---\nTotal number of translations: 1\n'.replace('--- 198', '---  198'),
    );
    expect(formatIpOspfNeighbor([{ neighborId: '2.2.2.2', priority: 0, state: 'FULL/  -', deadTime: '00:00:38', address: '172.16.0.2', interface: 'Tunnel0' }])).toBe(
      '\nNeighbor ID     Pri   State           Dead Time   Address         Interface\n2.2.2.2           0   FULL/  -        00:00:38    172.16.0.2      Tunnel0\n',
    );
  });
});
