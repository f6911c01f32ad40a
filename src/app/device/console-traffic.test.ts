import { describe, expect, it } from 'vitest';
import { trafficCommand } from './console-traffic';

describe('trafficCommand', () => {
  it('reads ping and traceroute as IOS abbreviates them, with repeat and size', () => {
    expect(trafficCommand('ping 10.2.2.10')).toEqual({ kind: 'ping', destination: '10.2.2.10', count: undefined, size: undefined });
    expect(trafficCommand('  pi 10.2.2.10 re 3 si 1400')).toEqual({ kind: 'ping', destination: '10.2.2.10', count: 3, size: 1400 });
    expect(trafficCommand('tr 10.2.2.10')).toMatchObject({ kind: 'traceroute', destination: '10.2.2.10' });
    expect(trafficCommand('traceroute H2 probe 2')).toMatchObject({ kind: 'traceroute', destination: 'H2', count: 2 });
  });

  it('leaves other commands alone, and ping without a destination (the extended dialog)', () => {
    expect(trafficCommand('p 10.2.2.10')).toBeUndefined();
    expect(trafficCommand('ping')).toBeUndefined();
    expect(trafficCommand('show ip route')).toBeUndefined();
    expect(trafficCommand('terminal length 0')).toBeUndefined();
  });
});
