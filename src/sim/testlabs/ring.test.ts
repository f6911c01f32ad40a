import { describe, expect, it } from 'vitest';
import { ip } from '../addr';
import { ping, traceroute } from '../ping';
import { buildNetwork } from './load';
import { ringLab, ringLoopback } from './ring';

describe('generated ring of routers with static routes', () => {
  it('converges and pings end to end, both ways round', () => {
    const net = buildNetwork(ringLab(20));
    const r0 = net.device('R0')!;
    expect(r0.rib.routes().filter((r) => r.code === 'S').length).toBe(20);
    ping(net, r0, { target: ip(ringLoopback(10)), repeat: 1 });
    const far = ping(net, r0, { target: ip(ringLoopback(10)), source: 'Loopback0' });
    expect(far.successRate).toBe(100);
    const back = ping(net, r0, { target: ip(ringLoopback(15)), source: 'Loopback0' });
    expect(back.successRate).toBe(100);
    const t = traceroute(net, r0, { target: ip(ringLoopback(3)), source: 'Loopback0' });
    expect(t.reached).toBe(true);
    expect(t.hops.length).toBe(3);
  });
});
