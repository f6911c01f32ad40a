// Wireshark checks our bytes: one capture holding each protocol of this folder, read by tshark.
// No malformed packet, no expert error, and tshark's view of the fields agrees with ours.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { skipWithout, tempDir, tshark } from '../testing/tools';
import { arpReply, arpRequest, parseArp } from './arp';
import { emitEthernet } from './ethernet';
import { emitGre } from './gre';
import { icmpEchoReply, icmpEchoRequest, icmpFragmentationNeeded, icmpTimeExceeded } from './icmp';
import { emitIpv4 } from './ipv4';
import { fragment } from './ipv4-fragment';
import { writePcapng } from './pcapng';
import { bindValue, dissectFrame } from './registry';
import { emitUdp } from './udp';

const H1 = '00:1b:2c:3d:4e:01';
const R1 = '00:1b:2c:3d:4e:02';
const R2 = '00:1b:2c:3d:4e:03';
const data = Uint8Array.from({ length: 56 }, (_, i) => i);

function frames(): { name: string; bytes: Uint8Array }[] {
  const eth = (src: string, dst: string, upper: string, payload: Uint8Array) =>
    emitEthernet({ src, dst, etherType: bindValue('eth', upper) }, payload, { pad: true });
  const ip = (src: string, dst: string, upper: string, payload: Uint8Array, extra: { id?: number; ttl?: number; df?: boolean } = {}) =>
    emitIpv4({ src, dst, protocol: bindValue('ipv4', upper), ...extra }, payload);
  const req = arpRequest(H1, '10.1.1.10', '10.1.1.1');
  const parsedReq = parseArp(req);
  if (!parsedReq.ok) throw new Error(parsedReq.error);
  const echo = ip('10.1.1.10', '10.2.2.10', 'icmp', icmpEchoRequest(1, 1, data), { id: 1, ttl: 255, df: true });
  const reply = ip('10.2.2.10', '10.1.1.10', 'icmp', icmpEchoReply(1, 1, data), { id: 2, ttl: 254 });
  const bigEcho = ip('10.1.1.10', '10.2.2.10', 'icmp', icmpEchoRequest(1, 2, new Uint8Array(2000).fill(0xab)), { id: 3 });
  const frags = fragment(bigEcho, 1500);
  if (!frags.ok) throw new Error(frags.error);
  const gre = ip('203.0.113.1', '203.0.113.2', 'gre', emitGre({ protocolType: bindValue('gre', 'ipv4') }, echo), { id: 4 });
  const greKey = ip('203.0.113.1', '203.0.113.2', 'gre', emitGre({ protocolType: 0x0800, checksum: 'compute', key: 1001, sequence: 7 }, echo), { id: 5 });
  const udp = ip('10.1.1.10', '10.2.2.10', 'udp', emitUdp({ srcPort: 49152, dstPort: 33434 }, data.subarray(0, 12), { src: '10.1.1.10', dst: '10.2.2.10' }), { id: 6, ttl: 1 });
  return [
    { name: 'arp request', bytes: eth(H1, 'ff:ff:ff:ff:ff:ff', 'arp', req) },
    { name: 'arp reply', bytes: eth(R1, H1, 'arp', arpReply(parsedReq.value, R1)) },
    { name: 'echo', bytes: eth(H1, R1, 'ipv4', echo) },
    { name: 'echo reply', bytes: eth(R1, H1, 'ipv4', reply) },
    { name: 'frag needed', bytes: eth(R1, H1, 'ipv4', ip('10.1.1.1', '10.1.1.10', 'icmp', icmpFragmentationNeeded(1400, echo), { id: 7 })) },
    { name: 'udp', bytes: eth(H1, R1, 'ipv4', udp) },
    { name: 'time exceeded', bytes: eth(R1, H1, 'ipv4', ip('10.1.1.1', '10.1.1.10', 'icmp', icmpTimeExceeded(udp), { id: 8 })) },
    { name: 'gre', bytes: eth(R1, R2, 'ipv4', gre) },
    { name: 'gre key seq checksum', bytes: eth(R1, R2, 'ipv4', greKey) },
    ...frags.fragments.map((f, i) => ({ name: `fragment ${i}`, bytes: eth(H1, R1, 'ipv4', f) })),
  ];
}

type TsharkLayers = Record<string, unknown>;

describe.skipIf(skipWithout('tshark'))('tshark reads our capture', () => {
  const list = frames();
  const dir = tempDir();
  const file = join(dir, 'wire.pcapng');
  writeFileSync(
    file,
    writePcapng(
      [{ name: 'H1 Ethernet0 - R1 GigabitEthernet2' }, { name: 'R1 GigabitEthernet1 - R2 GigabitEthernet1' }],
      list.map((f, i) => ({ interfaceId: f.name.startsWith('gre') ? 1 : 0, timestampUs: 1_000_000 + i * 1500, data: f.bytes })),
    ),
  );
  const checks = ['-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'];

  it('finds no malformed packet and no expert error', () => {
    const verbose = tshark(['-r', file, ...checks, '-V']);
    expect(verbose).not.toMatch(/Malformed Packet/);
    const expert = tshark(['-r', file, ...checks, '-q', '-z', 'expert']);
    expect(expert).not.toMatch(/^Errors \(/m);
    expect(expert).not.toMatch(/Malformed|Bad checksum|incorrect/i);
  });

  it('reads interface names and microsecond timestamps', () => {
    const out = tshark(['-r', file, '-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.time_epoch']).trim().split('\n');
    expect(out).toHaveLength(list.length);
    expect(out[0]).toBe('H1 Ethernet0 - R1 GigabitEthernet2\t1.000000000');
    expect(out[7]).toBe('R1 GigabitEthernet1 - R2 GigabitEthernet1\t1.010500000');
  });

  it('agrees with our dissection, layer by layer', () => {
    const json = JSON.parse(tshark(['-r', file, ...checks, '-T', 'json', '--no-duplicate-keys'])) as { _source: { layers: TsharkLayers } }[];
    expect(json).toHaveLength(list.length);
    const protocols = json.map((p) => String((p._source.layers.frame as Record<string, string>)['frame.protocols']));
    expect(protocols).toEqual([
      'eth:ethertype:arp',
      'eth:ethertype:arp',
      'eth:ethertype:ip:icmp:data',
      'eth:ethertype:ip:icmp:data',
      'eth:ethertype:ip:icmp:ip:icmp',
      'eth:ethertype:ip:udp:data',
      'eth:ethertype:ip:icmp:ip:udp',
      'eth:ethertype:ip:gre:ip:icmp:data',
      'eth:ethertype:ip:gre:ip:icmp:data',
      'eth:ethertype:ip:data',
      'eth:ethertype:ip:icmp:data',
    ]);
    // Ours, for the same frames (fragments stay data until reassembled; quotes stop at 8 bytes).
    const ours = list.map((f) => dissectFrame(f.bytes).map((l) => l.protocol).filter((p) => p !== 'padding').join(':'));
    expect(ours).toEqual([
      'eth:arp', 'eth:arp', 'eth:ipv4:icmp', 'eth:ipv4:icmp', 'eth:ipv4:icmp:ipv4:data', 'eth:ipv4:udp:data',
      'eth:ipv4:icmp:ipv4:data', 'eth:ipv4:gre:ipv4:icmp', 'eth:ipv4:gre:ipv4:icmp', 'eth:ipv4:data', 'eth:ipv4:data',
    ]);
    // Checksums: every one tshark verifies is good, and the values match the ones we show.
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/"(ip|udp|icmp|gre)\.checksum\.status": "0"/);
    for (const [i, p] of json.entries()) {
      const layers = p._source.layers;
      const ipField = (layers.ip as Record<string, unknown> | Record<string, unknown>[] | undefined);
      const outerIp = Array.isArray(ipField) ? ipField[0] : ipField;
      if (!outerIp) continue;
      const ourIp = dissectFrame(list[i]!.bytes).find((l) => l.protocol === 'ipv4')!;
      expect(ourIp.fields.find((f) => f.name === 'Header Checksum')!.value).toBe(`${outerIp['ip.checksum']} [correct]`);
      expect(outerIp['ip.checksum.status']).toBe('1'); // Wireshark's PROTO_CHECKSUM_E_GOOD
    }
    const gre = json[8]!._source.layers.gre as Record<string, string>;
    expect([gre['gre.key'], gre['gre.sequence_number'], gre['gre.checksum.status']]).toEqual(['0x000003e9', '7', '1']);
    const ourGre = dissectFrame(list[8]!.bytes).find((l) => l.protocol === 'gre')!;
    expect(ourGre.fields.find((f) => f.name === 'Checksum')!.value).toBe(`${gre['gre.checksum']} [correct]`);
    expect(ourGre.fields.find((f) => f.name === 'Key')!.value).toBe('0x000003e9 (1001)');
    // ICMP: tshark verified every outer ICMP checksum as good, and so do we.
    let icmpCompared = 0;
    for (const [i, f] of list.entries()) {
      const icmp = dissectFrame(f.bytes).find((l) => l.protocol === 'icmp');
      const theirs = json[i]!._source.layers.icmp as Record<string, string> | Record<string, string>[] | undefined;
      const outer = Array.isArray(theirs) ? theirs[0] : theirs;
      if (!icmp || !outer) continue;
      expect(outer['icmp.checksum.status']).toBe('1');
      expect(icmp.fields.find((x) => x.name === 'Checksum')!.value).toBe(`${outer['icmp.checksum']} [correct]`);
      icmpCompared++;
    }
    expect(icmpCompared).toBe(6);
    const udp = json[5]!._source.layers.udp as Record<string, string>;
    expect(udp['udp.checksum.status']).toBe('1');
    const ourUdp = dissectFrame(list[5]!.bytes).find((l) => l.protocol === 'udp')!;
    expect(ourUdp.fields.find((x) => x.name === 'Checksum')!.value).toBe(`${udp['udp.checksum']} [correct]`);
  });

  it('puts every field at the byte offset and size Wireshark gives it', () => {
    const pdml = tshark(['-r', file, ...checks, '-T', 'pdml']).split('<packet>').slice(1);
    expect(pdml).toHaveLength(list.length);
    let compared = 0;
    let texts = 0;
    for (const [i, f] of list.entries()) {
      const theirs = [...pdml[i]!.matchAll(/<field name="([^"]+)" showname="([^"]*)"[^>]*? size="(\d+)" pos="(\d+)"/g)].map((m) => ({
        name: m[1], shown: shownValue(m[2]!), size: Number(m[3]), pos: Number(m[4]),
      }));
      for (const layer of dissectFrame(f.bytes)) {
        const flat = layer.fields.flatMap((x) => [x, ...(x.children ?? [])]);
        for (const field of flat) {
          const wsName = WIRESHARK_FIELDS[`${layer.protocol}/${field.name}`];
          if (!wsName) continue;
          const match = theirs.find((t) => t.name === wsName && t.pos === field.offset);
          expect(match, `${list[i]!.name}: ${wsName} at ${field.offset}`).toBeDefined();
          expect(match!.size, `${list[i]!.name}: ${wsName} size`).toBe(field.length);
          if (SAME_TEXT.has(wsName)) {
            expect(field.value, `${list[i]!.name}: ${wsName} text`).toBe(match!.shown);
            texts++;
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(250);
    expect(texts).toBeGreaterThan(150);
  });
});

/** Wireshark's showname without its bit pattern and label: "...0 0000 1011 1001 = Fragment Offset: 1480" -> "1480". */
function shownValue(showname: string): string {
  const text = showname.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const label = text.replace(/^[01. ]+= /, '');
  return label.slice(label.indexOf(': ') + 2);
}

/** Fields whose shown text we print exactly as Wireshark does (checksums with checking on). */
const SAME_TEXT = new Set([
  'ip.version', 'ip.hdr_len', 'ip.dsfield', 'ip.len', 'ip.id', 'ip.flags', 'ip.flags.rb', 'ip.flags.df', 'ip.flags.mf',
  'ip.frag_offset', 'ip.ttl', 'ip.proto', 'ip.checksum', 'ip.src', 'ip.dst', 'ip.dsfield.ecn',
  'arp.opcode', 'arp.hw.size', 'arp.proto.size', 'arp.src.proto_ipv4', 'arp.dst.proto_ipv4', 'arp.hw.type', 'arp.proto.type',
  'udp.srcport', 'udp.dstport', 'udp.length', 'udp.checksum', 'icmp.checksum', 'icmp.mtu', 'icmp.ident', 'icmp.seq',
  'gre.sequence_number', 'gre.checksum', 'gre.offset',
]);

/** Our (layer, field name) to Wireshark's field abbreviation. */
const WIRESHARK_FIELDS: Record<string, string> = {
  'eth/Destination': 'eth.dst', 'eth/Source': 'eth.src', 'eth/Type': 'eth.type',
  'arp/Hardware type': 'arp.hw.type', 'arp/Protocol type': 'arp.proto.type', 'arp/Hardware size': 'arp.hw.size',
  'arp/Protocol size': 'arp.proto.size', 'arp/Opcode': 'arp.opcode', 'arp/Sender MAC address': 'arp.src.hw_mac',
  'arp/Sender IP address': 'arp.src.proto_ipv4', 'arp/Target MAC address': 'arp.dst.hw_mac', 'arp/Target IP address': 'arp.dst.proto_ipv4',
  'ipv4/Version': 'ip.version', 'ipv4/Header Length': 'ip.hdr_len', 'ipv4/Differentiated Services Field': 'ip.dsfield',
  'ipv4/Differentiated Services Codepoint': 'ip.dsfield.dscp', 'ipv4/Explicit Congestion Notification': 'ip.dsfield.ecn',
  'ipv4/Total Length': 'ip.len', 'ipv4/Identification': 'ip.id', 'ipv4/Flags': 'ip.flags', 'ipv4/Reserved bit': 'ip.flags.rb',
  "ipv4/Don't fragment": 'ip.flags.df', 'ipv4/More fragments': 'ip.flags.mf', 'ipv4/Fragment Offset': 'ip.frag_offset',
  'ipv4/Time to Live': 'ip.ttl', 'ipv4/Protocol': 'ip.proto', 'ipv4/Header Checksum': 'ip.checksum',
  'ipv4/Source Address': 'ip.src', 'ipv4/Destination Address': 'ip.dst',
  'icmp/Type': 'icmp.type', 'icmp/Code': 'icmp.code', 'icmp/Checksum': 'icmp.checksum', 'icmp/Identifier (BE)': 'icmp.ident',
  'icmp/Sequence Number (BE)': 'icmp.seq', 'icmp/MTU of next hop': 'icmp.mtu', 'icmp/Data': 'data.data',
  'udp/Source Port': 'udp.srcport', 'udp/Destination Port': 'udp.dstport', 'udp/Length': 'udp.length', 'udp/Checksum': 'udp.checksum',
  'gre/Flags and Version': 'gre.flags_and_version', 'gre/Checksum Bit': 'gre.flags.checksum', 'gre/Routing Bit': 'gre.flags.routing',
  'gre/Key Bit': 'gre.flags.key', 'gre/Sequence Number Bit': 'gre.flags.sequence_number', 'gre/Version': 'gre.flags.version',
  'gre/Protocol Type': 'gre.proto', 'gre/Checksum': 'gre.checksum', 'gre/Offset': 'gre.offset', 'gre/Key': 'gre.key',
  'gre/Sequence Number': 'gre.sequence_number',
};
