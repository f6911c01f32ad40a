// Issue 3: tshark finds no malformed packet and no expert error in ONE capture holding every
// protocol the lab speaks, as the engine really sends them: ARP, ICMP (echo, time exceeded,
// unreachable), UDP, IPv4 fragments, GRE, ESP, ESP in UDP 4500, ISAKMP on 500 and 4500, OSPF.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LABS } from '../lab/builtin';
import { ip, Network, ping, SECOND, traceroute } from '../sim';
import { skipWithout, tempDir, tshark } from '../testing/tools';
import { LINKTYPE_ETHERNET, writePcapng } from '../wire/pcapng';

function run(lab: Parameters<typeof Network.fromLab>[0], traffic: (net: Network) => void) {
  const net = Network.fromLab(lab, { seed: 3 });
  net.converge();
  traffic(net);
  return net;
}

function oneCapture(): Uint8Array {
  const lab = (id: string) => BUILTIN_LABS.find((l) => l.id === id)!.lab;
  const gre = JSON.parse(readFileSync(join(import.meta.dirname, '../sim/testlabs/gre-transit.json'), 'utf8'));
  const nets = [
    run(lab('ospf-vti-vs-crypto-map'), (net) => {
      ping(net, net.device('H0')!, { target: ip('10.2.2.10') });
      net.runFor(15 * SECOND);
    }),
    run(lab('nat-t-static'), (net) => {
      ping(net, net.device('H1')!, { target: ip('10.2.2.10') });
      net.runFor(30 * SECOND);
    }),
    run(gre, (net) => {
      ping(net, net.device('H1')!, { target: ip('10.2.2.10'), size: 3000 });
      traceroute(net, net.device('H1')!, { target: ip('10.2.2.10') });
    }),
  ];
  const interfaces = nets.flatMap((net, n) => net.links.map((l) => ({ name: `lab${n + 1} ${l.label}`, linkType: LINKTYPE_ETHERNET })));
  let base = 0;
  const packets = nets.flatMap((net) => {
    const offset = base;
    base += net.links.length;
    return net.capture.map((f) => ({ interfaceId: offset + f.link, timestampUs: f.time, data: f.bytes }));
  });
  packets.sort((a, b) => a.timestampUs - b.timestampUs);
  return writePcapng(interfaces, packets);
}

describe.skipIf(skipWithout('tshark'))('one capture of every protocol', () => {
  const file = join(tempDir(), 'every-protocol.pcapng');
  writeFileSync(file, oneCapture());
  const prefs = ['-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'];

  it('holds every protocol', () => {
    const chains = new Set(tshark(['-r', file, '-T', 'fields', '-e', 'frame.protocols']).trim().split('\n'));
    const all = [...chains].join('\n');
    for (const proto of [':arp', ':icmp', ':udp', ':gre:ip', ':esp', ':udp:udpencap', ':isakmp', ':ospf']) {
      expect(all, proto).toContain(proto);
    }
    expect(tshark(['-r', file, '-Y', 'ip.flags.mf == 1', '-T', 'fields', '-e', 'frame.number']).trim()).not.toBe('');
    expect(tshark(['-r', file, '-Y', 'icmp.type == 11', '-T', 'fields', '-e', 'frame.number']).trim()).not.toBe('');
    expect(tshark(['-r', file, '-Y', 'udp.port == 4500 && isakmp', '-T', 'fields', '-e', 'frame.number']).trim()).not.toBe('');
  });

  it('has no malformed packet and no expert error', () => {
    expect(tshark(['-r', file, ...prefs, '-V'])).not.toMatch(/Malformed Packet/);
    const expert = tshark(['-r', file, ...prefs, '-q', '-z', 'expert']);
    expect(expert).not.toMatch(/^Errors \(/m);
    expect(expert).not.toMatch(/Malformed|Bad checksum/i);
  });
});
