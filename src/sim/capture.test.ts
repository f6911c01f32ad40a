import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPcapng } from '../wire/pcapng';
import { skipWithout, tempDir, tshark } from '../testing/tools';
import { ip } from './addr';
import { captureToPcapng } from './capture';
import { ping } from './ping';
import { buildNetwork } from './testlabs/load';

describe('pcapng capture of the GRE lab', () => {
  const net = buildNetwork('gre-transit.json');
  ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
  ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
  const bytes = captureToPcapng(net);

  it('has one interface per link, named after its ends, and every frame in time order', () => {
    const r = readPcapng(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.interfaces.map((i) => i.name)).toEqual([
      'H1 Ethernet0 - R1 GigabitEthernet2',
      'R1 GigabitEthernet1 - R3 GigabitEthernet1',
      'R3 GigabitEthernet2 - R2 GigabitEthernet1',
      'R2 GigabitEthernet2 - H2 Ethernet0',
    ]);
    expect(r.value.packets.length).toBe(net.capture.length);
    const times = r.value.packets.map((p) => p.timestampUs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it.skipIf(skipWithout('tshark'))('reads in tshark with no malformed frame, showing ARP and GRE carrying ICMP', () => {
    const file = join(tempDir(), 'gre.pcapng');
    writeFileSync(file, bytes);
    const out = tshark(['-r', file, '-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.protocols', '-e', '_ws.malformed', '-e', '_ws.expert.message']);
    const rows = out.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.length).toBe(net.capture.length);
    expect(rows.filter((r) => (r[2] ?? '') !== '' || /malformed/i.test(r[3] ?? ''))).toEqual([]);
    const protocols = rows.map((r) => r[1]);
    expect(protocols).toContain('eth:ethertype:arp');
    expect(protocols).toContain('eth:ethertype:ip:gre:ip:icmp:data');
    const onTransit = rows.filter((r) => r[0] === 'R1 GigabitEthernet1 - R3 GigabitEthernet1' && r[1]!.includes('icmp'));
    expect(onTransit.length).toBeGreaterThan(0);
    expect(onTransit.every((r) => r[1]!.includes(':gre:'))).toBe(true);
    // Checksums verified by tshark itself.
    const bad = tshark(['-r', file, '-o', 'ip.check_checksum:TRUE', '-Y', 'ip.checksum.status == "Bad" || icmp.checksum.status == "Bad"']);
    expect(bad.trim()).toBe('');
  });
});
