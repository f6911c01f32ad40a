import { describe, expect, it } from 'vitest';
import { ip } from './addr';
import { arpViews, configureDevice, interfaceViews, iosDuration, ipRouteView, loggingView } from './console-data';
import { ping } from './ping';
import { SECOND } from './scheduler';
import { buildNetwork, loadTestLab, withConfig } from './testlabs/load';

describe('console data views', () => {
  it('lists interfaces in IOS order with method, status, MTUs and tunnel details', () => {
    const net = buildNetwork('gre-transit.json');
    const views = interfaceViews(net.device('R1')!);
    expect(views.map((v) => `${v.name} ${v.ipAddress} ${v.method} ${v.status}/${v.protocol}`)).toEqual([
      'GigabitEthernet1 198.51.100.1 NVRAM up/up',
      'GigabitEthernet2 10.1.1.1 NVRAM up/up',
      'Tunnel0 172.16.0.1 NVRAM up/up',
    ]);
    const tu = views[2]!;
    expect(tu.ipMtu).toBe(1476);
    expect(tu.tunnel).toEqual({ protocol: 'GRE/IP', transportMtu: 1476, sourceAddress: '198.51.100.1', sourceInterface: 'GigabitEthernet1', destination: '203.0.113.2' });
    expect(views[0]!.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(views[0]!.hardware).toBe('CSR vNIC');
    expect(views[0]!.lastInput).toBe('00:00:00');
  });

  it('says why a tunnel is down, and manual for an address set from the console', () => {
    const lab = withConfig(loadTestLab('gre-transit.json'), 'R1', (c) => c.replace(' tunnel destination 203.0.113.2\n', ''));
    const net = buildNetwork(lab);
    const r1 = net.device('R1')!;
    expect(interfaceViews(r1).find((v) => v.name === 'Tunnel0')!.tunnel!.linestateDown).toBe('tunnel not configured');
    const res = configureDevice(r1, { mode: 'config-if', context: { interface: 'GigabitEthernet2' }, cmd: 'if.ip-address', args: { address: '10.1.1.2', mask: '255.255.255.0' }, no: false });
    expect(res.error).toBeUndefined();
    const gi2 = interfaceViews(r1).find((v) => v.name === 'GigabitEthernet2')!;
    expect([gi2.ipAddress, gi2.method]).toEqual(['10.1.1.2', 'manual']);
  });

  it('gives routes, ARP rows with ages, the host default gateway, and the log buffer', () => {
    const net = buildNetwork('gre-transit.json');
    const h1 = net.device('H1')!;
    ping(net, h1, { target: ip('10.2.2.10') });
    net.runFor(150 * SECOND);
    const arp = arpViews(h1);
    expect(arp.map((a) => `${a.address} ${a.ageMinutes ?? '-'} ${a.interface}`)).toEqual(['10.1.1.1 2 Ethernet0', '10.1.1.10 - Ethernet0']);
    expect(ipRouteView(h1)).toMatchObject({ routing: false, defaultGateway: '10.1.1.1' });
    const r1 = ipRouteView(net.device('R1')!);
    expect(r1.routes.find((r) => r.network === '203.0.113.0')).toMatchObject({ code: 'S', prefixLength: 30, distance: 1, metric: 0, nextHop: '198.51.100.2' });
    expect(loggingView(net.device('R1')!).lines[0]).toBe('*Mar  1 00:00:00.000: %LINK-3-UPDOWN: Interface GigabitEthernet1, changed state to up');
    expect(iosDuration(3 * 3600 * SECOND + 62 * SECOND)).toBe('03:01:02');
    expect(iosDuration(26 * 3600 * SECOND)).toBe('1d02h');
  });
});
