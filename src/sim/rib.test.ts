import { describe, expect, it } from 'vitest';
import { ip } from './addr';
import { Rib, type Route } from './rib';

const conn = (net: string, len: number, iface: string): Route => ({
  network: ip(net), prefixLength: len, code: 'C', distance: 0, metric: 0, interface: iface, source: 'connected',
});

describe('Rib', () => {
  it('matches the longest prefix', () => {
    const rib = new Rib();
    rib.setSourceRoutes('connected', [conn('10.0.0.0', 8, 'Gi1'), conn('10.1.1.0', 24, 'Gi2')]);
    expect(rib.resolve(ip('10.1.1.5'))?.interface).toBe('Gi2');
    expect(rib.resolve(ip('10.2.1.5'))?.interface).toBe('Gi1');
    expect(rib.resolve(ip('11.0.0.1'))).toBeUndefined();
  });

  it('prefers the lower administrative distance and resolves next hops recursively', () => {
    const rib = new Rib();
    rib.setSourceRoutes('connected', [conn('192.0.2.0', 30, 'Gi1')]);
    rib.setSourceRoutes('static', [
      { network: ip('10.2.0.0'), prefixLength: 16, code: 'S', distance: 1, metric: 0, nextHop: ip('172.16.0.2'), source: 'static' },
      { network: ip('172.16.0.0'), prefixLength: 24, code: 'S', distance: 1, metric: 0, nextHop: ip('192.0.2.2'), source: 'static' },
    ]);
    rib.setSourceRoutes('ospf', [
      { network: ip('10.2.0.0'), prefixLength: 16, code: 'O', distance: 110, metric: 2, nextHop: ip('192.0.2.2'), interface: 'Gi1', source: 'ospf' },
    ]);
    const res = rib.resolve(ip('10.2.3.4'))!;
    expect(res.route.code).toBe('S');
    expect(res.interface).toBe('Gi1');
    expect(res.nextHop).toBe(ip('192.0.2.2'));
    rib.setSourceRoutes('static', []);
    expect(rib.resolve(ip('10.2.3.4'))!.route.code).toBe('O');
  });

  it('lists routes in network order and honours exclusions', () => {
    const rib = new Rib();
    rib.setSourceRoutes('connected', [conn('10.9.0.0', 16, 'Gi3'), conn('10.1.0.0', 16, 'Tunnel0'), conn('0.0.0.0', 0, 'Gi1')]);
    expect(rib.routes().map((r) => r.interface)).toEqual(['Gi1', 'Tunnel0', 'Gi3']);
    expect(rib.resolve(ip('10.1.2.3'), (r) => r.interface === 'Tunnel0')?.interface).toBe('Gi1');
  });
});
