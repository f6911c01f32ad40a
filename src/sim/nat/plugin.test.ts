// NAT inside the real simulation: H1 and H3 behind NAT1 (PAT on the outside interface, plus a
// static one-to-one for H3), R2 outside with no route to the inside network.
import { describe, expect, it } from 'vitest';
import { ip } from '../addr';
import type { TopologySpec } from '../network';
import { ping } from '../ping';
import { buildNetwork } from '../testlabs/load';
import { natOf, natPlugin } from './plugin';
import { formatNatTranslations } from './show';

const host = (name: string, addr: string, gw: string) => `hostname ${name}\nno ip routing\n!\ninterface Ethernet0\n ip address ${addr} 255.255.255.0\n!\nip default-gateway ${gw}\n`;

// H1 on GigabitEthernet0/0 (PAT), H3 on GigabitEthernet0/2 (static 10.0.2.20 -> 198.51.100.20).
const natConfig =
  'hostname NAT1\n!\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n ip nat inside\n!\n' +
  'interface GigabitEthernet0/1\n ip address 198.51.100.1 255.255.255.0\n ip nat outside\n!\n' +
  'interface GigabitEthernet0/2\n ip address 10.0.2.1 255.255.255.0\n ip nat inside\n!\n' +
  'ip nat inside source list 1 interface GigabitEthernet0/1 overload\nip nat inside source static 10.0.2.20 198.51.100.20\n' +
  'ip route 0.0.0.0 0.0.0.0 198.51.100.2\n!\naccess-list 1 permit 10.0.0.0 0.0.255.255\n';

const lab = {
  format: 'tunnelscope-lab',
  version: 1,
  title: 'PAT and static NAT',
  seed: 3,
  devices: [
    { name: 'H1', kind: 'host', x: 0, y: 0, config: host('H1', '10.0.0.10', '10.0.0.1') },
    { name: 'H3', kind: 'host', x: 0, y: 100, config: host('H3', '10.0.2.20', '10.0.2.1') },
    { name: 'NAT1', kind: 'nat', x: 200, y: 0, config: natConfig },
    { name: 'R2', kind: 'router', x: 400, y: 0, config: 'hostname R2\n!\ninterface GigabitEthernet1\n ip address 198.51.100.2 255.255.255.0\n' },
  ],
  links: [
    { a: 'H1 Ethernet0', b: 'NAT1 GigabitEthernet0/0' },
    { a: 'H3 Ethernet0', b: 'NAT1 GigabitEthernet0/2' },
    { a: 'NAT1 GigabitEthernet0/1', b: 'R2 GigabitEthernet1' },
  ],
} as unknown as TopologySpec;

const build = () => buildNetwork(structuredClone(lab), { plugins: [natPlugin] });

describe('NAT plugin in the simulation', () => {
  it('PAT lets H1 ping a router that has no route to the inside, and shows the translation', () => {
    const net = build();
    const first = ping(net, net.device('H1')!, { target: ip('198.51.100.2') });
    const second = ping(net, net.device('H1')!, { target: ip('198.51.100.2') });
    expect(first.successRate + second.successRate).toBeGreaterThan(0);
    expect(second.successRate).toBe(100);
    const table = formatNatTranslations(natOf(net.device('NAT1')!)!.translations());
    expect(table).toMatch(/^icmp 198\.51\.100\.1:\d+ +10\.0\.0\.10:\d+ +198\.51\.100\.2:\d+ +198\.51\.100\.2:\d+$/m);
    expect(table).toContain('---  198.51.100.20         10.0.2.20             ---                   ---');
    expect(natOf(net.device('NAT1')!)!.rows().at(-1)).toEqual({ protocol: '---', insideGlobal: '198.51.100.20', insideLocal: '10.0.2.20', outsideLocal: '---', outsideGlobal: '---' });
    expect(net.trace.records.some((r) => r.device === 'NAT1' && r.decision.startsWith('NAT: PAT (interface GigabitEthernet0/1 overload) icmp 10.0.0.10'))).toBe(true);
  });

  it('static NAT: the outside reaches H3 at its global address (NAT1 answers ARP for it)', () => {
    const net = build();
    ping(net, net.device('R2')!, { target: ip('198.51.100.20') });
    const r = ping(net, net.device('R2')!, { target: ip('198.51.100.20') });
    expect(r.successRate).toBe(100);
    expect(net.trace.records.some((t) => t.device === 'NAT1' && t.decision === 'NAT: inside source static 198.51.100.20 -> 10.0.2.20')).toBe(true);
  });
});
