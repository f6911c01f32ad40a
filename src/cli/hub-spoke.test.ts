// The generated hub-and-spoke lab (the 100-router bench, smaller): every VTI comes up with one
// ISAKMP SA per tunnel, OSPF goes FULL over every tunnel, and hosts reach each other through
// the hub, which learned every spoke's LAN as an O route.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../ios';
import { generateHubSpokeLab } from '../lab/generate';
import { ip, Network, ping, SECOND } from '../sim';
import { ospfOf } from '../sim/ospf/plugin';
import { vpnOf } from '../sim/vpn/plugin';

describe('hub and spokes over IPsec VTIs with OSPF', () => {
  it('converges with one main mode per tunnel, every spoke FULL, and spoke-to-spoke pings through the hub', () => {
    const spokes = 12;
    const net = Network.fromLab(generateHubSpokeLab({ spokes, ospf: true, hosts: true }), { parseConfig: (t) => parseConfig(t).config });
    const hub = net.device('HUB')!;
    const ok = net.runUntil(() => (ospfOf(hub)?.fullNeighborCount() ?? 0) === spokes, 120 * SECOND);
    expect(ok).toBe(true);
    const rows = vpnOf(hub)!.ike.isakmpSas(net.now).filter((r) => r.status === 'ACTIVE');
    expect(rows).toHaveLength(spokes);
    expect(new Set(rows.map((r) => r.remote)).size).toBe(spokes);
    expect(rows.every((r) => r.state === 'QM_IDLE')).toBe(true);
    expect(ospfOf(hub)!.neighbors().every((n) => n.state === 'FULL/  -')).toBe(true);
    net.runFor(15 * SECOND);
    expect(hub.rib.routes().filter((r) => r.code === 'O')).toHaveLength(spokes);
    const h1 = net.device('H1')!;
    ping(net, h1, { target: ip('10.0.7.10'), repeat: 5 });
    expect(ping(net, h1, { target: ip('10.0.7.10'), repeat: 5 }).replies.map((r) => r.mark).join('')).toBe('!!!!!');
  });
});
