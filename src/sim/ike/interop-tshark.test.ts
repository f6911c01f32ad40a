// tshark 4.0 reads our IKEv1 exchange as real ISAKMP: no malformed packet, no expert error, and
// with the ikev1_decryption_table line we export it decrypts main mode 5/6 and quick mode,
// which checks our SKEYID_e, key expansion, phase-1 IV and per-exchange phase-2 IVs
// independently (Wireshark derives the IVs itself from the KE payloads and message IDs).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipWithout, tempDir } from '../../testing/tools';
import { emitEthernet } from '../../wire/ethernet';
import { dissectIsakmp } from '../../wire/isakmp';
import type { DissectField } from '../../wire/layer';
import { emitIpv4 } from '../../wire/ipv4';
import { writePcapng } from '../../wire/pcapng';
import { emitUdp } from '../../wire/udp';
import { formatIp, ip } from '../addr';
import { SECOND } from '../scheduler';
import { FakeNet, R1, R2, config, tsAesSha, vtiPolicy } from './testing';
import type { IsakmpPolicy } from './types';

function tsharkFields(file: string, opts: string[], fields: string[]): string[][] {
  const out = execFileSync('/usr/bin/tshark', ['-r', file, ...opts, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.split('\t'));
}

function capture(nat: boolean, policy?: IsakmpPolicy) {
  const inside = nat ? ip('192.168.1.1') : R1;
  const outside = ip('203.0.113.10');
  const net = new FakeNet(nat ? { inside, outside, ports: { 500: 1024, 4500: 1025 } } : undefined);
  const extra = policy ? { policies: [policy] } : {};
  const pA = vtiPolicy(inside, R2, [tsAesSha], { pfs: 14 });
  const pB = vtiPolicy(R2, nat ? outside : R1, [tsAesSha], { pfs: 14 });
  const a = net.add(inside, config(R2, pA, extra), 'a');
  net.add(R2, config(nat ? outside : R1, pB, extra), 'b');
  net.initiate(inside, pA);
  net.run(5 * SECOND);
  const sa = a.ipsecSa('Tunnel0')!;
  // Then `clear crypto sa` + `clear crypto isakmp`: two encrypted informational exchanges (Delete).
  for (const d of a.clear(net.now).send) net.wire.push({ time: net.now, datagram: nat ? { ...d, srcIp: outside, srcPort: 1025 } : d });
  const packets = net.wire.map((w) => {
    const d = w.datagram;
    const src = formatIp(d.srcIp);
    const dst = formatIp(d.dstIp);
    const udp = emitUdp({ srcPort: d.srcPort, dstPort: d.dstPort }, d.payload, { src, dst });
    const frame = emitEthernet({ dst: '00:00:5e:00:53:02', src: '00:00:5e:00:53:01', etherType: 0x0800 }, emitIpv4({ src, dst, protocol: 17 }, udp));
    return { interfaceId: 0, timestampUs: w.time, data: frame };
  });
  const file = join(tempDir('ike-'), 'ike.pcapng');
  writeFileSync(file, writePcapng([{ name: 'R1 GigabitEthernet1 - R2 GigabitEthernet1' }], packets));
  return { file, key: a.ikev1DecryptionTable()[0]!, sa, count: packets.length, frames: packets.map((p) => p.data) };
}

describe.skipIf(skipWithout('tshark'))('tshark reads and decrypts our IKEv1', () => {
  for (const nat of [false, true]) {
    it(`${nat ? 'through a NAT (UDP 4500)' : 'without NAT'}: nine messages and two Deletes, decrypted with the exported key`, () => {
      const { file, key, count, sa } = capture(nat);
      expect(count).toBe(11);
      // Without the key: messages 5-9 are opaque.
      const opaque = tsharkFields(file, [], ['frame.number', 'isakmp.id.type', 'isakmp.hash']);
      expect(opaque.slice(4).every((r) => r[1] === '' && r[2] === '')).toBe(true);
      const rows = tsharkFields(file, ['-o', `uat:ikev1_decryption_table:${key}`], ['frame.number', 'udp.dstport', 'isakmp.exchangetype', 'isakmp.id.type', 'isakmp.id.data.ipv4_addr', 'isakmp.hash', 'isakmp.ipsec.attr.encap_mode', '_ws.malformed', '_ws.expert.severity', 'isakmp.delete.spi']);
      const [mm5, mm6, qm1, qm2, qm3, delEsp, delIsakmp] = rows.slice(4);
      expect(mm5![3]).toBe('1'); // ID_IPV4_ADDR
      expect(mm5![4]).toBe(nat ? '192.168.1.1' : '10.0.12.1');
      expect(mm5![5]).toMatch(/^[0-9a-f]{64}$/); // HASH_I (SHA-256)
      expect(mm6![4]).toBe('10.0.23.3');
      expect(mm6![5]).toMatch(/^[0-9a-f]{64}$/);
      expect(qm1![3]).toBe('4,4'); // IDci, IDcr: IPV4_ADDR_SUBNET 0.0.0.0/0
      expect(qm1![6]).toBe(nat ? '3' : '1'); // UDP-Encapsulated-Tunnel under NAT-T
      expect(qm2![6]).toBe(nat ? '3' : '1');
      expect(qm3![5]).toMatch(/^[0-9a-f]{64}$/); // HASH(3)
      // Informational exchanges: HASH(1) and the Delete payloads (ESP SPI, then the cookies).
      expect(delEsp![2]).toBe('5');
      expect(delEsp![5]).toMatch(/^[0-9a-f]{64}$/);
      expect(delEsp![9]).toBe(sa.inbound.spi.toString(16).padStart(8, '0'));
      expect(delIsakmp![9]).toMatch(/^[0-9a-f]{32}$/);
      // No malformed packet, and no expert info of warning (6291456) or error severity.
      expect(rows.filter((r) => r[7] !== '' || (r[8] ?? '').split(',').some((v) => Number(v) >= 6291456))).toEqual([]);
      if (nat) expect(rows.slice(4).map((r) => r[1])).toEqual(['4500', '4500', '4500', '4500', '4500', '4500', '4500']);
    });
  }

  it('decrypts 3DES/MD5, and AES-256/SHA-1 whose key needs Appendix B expansion (32 > 20 bytes)', () => {
    for (const policy of [
      { priority: 10, encryption: '3des', hash: 'md5', authentication: 'pre-share', group: 2, lifetime: 86400 },
      { priority: 10, encryption: 'aes', keyBits: 256, hash: 'sha1', authentication: 'pre-share', group: 5, lifetime: 86400 },
    ] as IsakmpPolicy[]) {
      const { file, key } = capture(false, policy);
      const rows = tsharkFields(file, ['-o', `uat:ikev1_decryption_table:${key}`], ['frame.number', 'isakmp.id.data.ipv4_addr']);
      expect(rows[4]![1]).toBe('10.0.12.1');
      expect(rows[5]![1]).toBe('10.0.23.3');
    }
  });
});

/** Our ISAKMP field names and the Wireshark fields that may sit at the same bytes. */
const WIRESHARK_ISAKMP: Record<string, string[]> = {
  'Initiator SPI': ['isakmp.ispi'],
  'Responder SPI': ['isakmp.rspi'],
  'Next payload': ['isakmp.nextpayload'],
  Version: ['isakmp.version'],
  'Exchange type': ['isakmp.exchangetype'],
  Flags: ['isakmp.flags'],
  'Message ID': ['isakmp.messageid'],
  Length: ['isakmp.length'],
  'Payload length': ['isakmp.payloadlength'],
  'Domain of interpretation': ['isakmp.sa.doi'],
  Situation: ['isakmp.sa.situation'],
  'Proposal number': ['isakmp.prop.number'],
  'Protocol ID': ['isakmp.prop.protoid', 'isakmp.id.protoid'],
  'Key Exchange Data': ['isakmp.key_exchange.data'],
  'Nonce DATA': ['isakmp.nonce'],
  'Vendor ID': ['isakmp.vid_bytes'],
  'HASH of the address and port': ['isakmp.ike.nat_hash'],
  'Encryption-Algorithm': ['isakmp.ike.attr'],
  'Hash-Algorithm': ['isakmp.ike.attr'],
  'Authentication-Method': ['isakmp.ike.attr'],
  'Group-Description': ['isakmp.ike.attr'],
  'Life-Type': ['isakmp.ike.attr'],
  'Life-Duration': ['isakmp.ike.attr'],
  'Key-Length': ['isakmp.ike.attr'],
};

describe.skipIf(skipWithout('tshark'))('dissectIsakmp agrees with Wireshark', () => {
  it('puts every header, payload and attribute field of messages 1-4 at the bytes Wireshark gives it', () => {
    const { file, frames } = capture(false);
    const pdml = execFileSync('/usr/bin/tshark', ['-r', file, '-T', 'pdml'], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }).split('<packet>').slice(1);
    let compared = 0;
    for (let i = 0; i < 4; i++) {
      const theirs = [...pdml[i]!.matchAll(/<field name="([^"]+)" showname="[^"]*" size="(\d+)" pos="(\d+)"/g)].map((m) => ({ name: m[1]!, size: Number(m[2]), pos: Number(m[3]) }));
      const frame = frames[i]!;
      const flat = (fs: DissectField[]): DissectField[] => fs.flatMap((f) => [f, ...flat(f.children ?? [])]);
      for (const f of flat(dissectIsakmp(frame, 42, frame.length).layer.fields)) {
        const names = f.name.startsWith('Payload: ') || /^(Proposal|Transform) #/.test(f.name) ? ['isakmp.typepayload'] : WIRESHARK_ISAKMP[f.name];
        if (!names) continue;
        const match = theirs.find((t) => names.includes(t.name) && t.pos === f.offset && t.size === f.length);
        expect(match, `frame ${i + 1}: ${f.name} at ${f.offset}+${f.length}`).toBeDefined();
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(80);
  });
});
