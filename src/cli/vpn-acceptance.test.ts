// Issue 5 acceptance through the headless command (`tunnelscope run LAB --exec ... --pcap --keys
// --ike-keys`): the IPsec labs of ../shared/labs as a learner runs them, the console's show
// output, and the capture and key files checked with tshark, scapy and the ntc TextFSM templates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { python, skipWithout, tempDir, tshark } from '../testing/tools';
import { readPcapng } from '../wire/pcapng';
import { main } from './main';

const LABS = join(import.meta.dirname, '../../../shared/labs');
const OWN_LABS = join(import.meta.dirname, '../sim/vpn/labs');
const NTC = join(import.meta.dirname, '../../../shared/reference/ntc');

interface Run { out: string; dir: string; code: number }

function run(lab: string, execs: string[], files = false): Run {
  const dir = tempDir('tunnelscope-vpn-');
  const out: string[] = [];
  const argv = ['run', lab, ...execs.flatMap((e) => ['--exec', e]), ...(files ? ['--pcap', join(dir, 'c.pcapng'), '--keys', join(dir, 'esp_sa'), '--ike-keys', join(dir, 'ikev1')] : [])];
  const code = main(argv, { stdout: (t) => out.push(t), stderr: (l) => out.push(`ERR ${l}`) });
  return { out: out.join('\n'), dir, code };
}

/** The output of one command in a transcript (up to the next prompt). */
function section(r: Run, device: string, command: string, nth = 0): string {
  const marker = `${device}#${command}\n`;
  let at = -1;
  for (let k = 0; k <= nth; k++) at = r.out.indexOf(marker, at + 1);
  if (at < 0) throw new Error(`no "${command}" in the transcript`);
  const rest = r.out.slice(at + marker.length);
  const next = rest.search(/^\S+#/m);
  return next < 0 ? rest : rest.slice(0, next);
}

const pingMarks = (r: Run) => [...r.out.matchAll(/^([.!U]{5})$/gm)].map((m) => m[1]);

const uat = (file: string, table: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).flatMap((l) => ['-o', `uat:${table}:${l}`]);

let vti: Run | undefined;
function vtiRun(): Run {
  vti ??= run(join(LABS, 'vti-basic.json'), [
    'H1: ping 10.2.2.10', 'R1: show crypto ipsec sa', 'H1: ping 10.2.2.10', 'R1: show crypto isakmp sa', 'R1: show crypto ipsec sa',
    'R1: show crypto ipsec sa detail', 'R1: show crypto session detail', 'R1: show interfaces tunnel 0',
  ], true);
  return vti;
}

describe('vti-basic.json through tunnelscope run', () => {
  it('pings 100% the second time; QM_IDLE; encaps and decaps rise; plaintext mtu 1438', () => {
    const r = vtiRun();
    expect(r.code).toBe(0);
    expect(pingMarks(r)[1]).toBe('!!!!!');
    expect(r.out).toContain('Success rate is 100 percent (5/5)');
    expect(section(r, 'R1', 'show crypto isakmp sa')).toMatch(/^203\.0\.113\.\d +203\.0\.113\.\d +QM_IDLE +\d+ ACTIVE$/m);
    const counts = (text: string) => [Number(/#pkts encaps: (\d+)/.exec(text)![1]), Number(/#pkts decaps: (\d+)/.exec(text)![1])];
    const [e1, d1] = counts(section(r, 'R1', 'show crypto ipsec sa', 0));
    const after = section(r, 'R1', 'show crypto ipsec sa', 1);
    const [e2, d2] = counts(after);
    expect(e2! - e1!).toBe(5);
    expect(d2! - d1!).toBe(5);
    expect(after).toContain('plaintext mtu 1438, path mtu 1500, ip mtu 1500, ip mtu idb GigabitEthernet1');
    expect(after).toContain('in use settings ={Tunnel, }');
    const intf = section(r, 'R1', 'show interfaces tunnel 0');
    expect(intf).toContain('Tunnel0 is up, line protocol is up');
    expect(intf).toContain('Tunnel protocol/transport IPSEC/IP');
    expect(intf).toContain('Tunnel protection via IPSec (profile "PROF")');
  });

  it.skipIf(skipWithout('tshark'))('tshark decrypts every ESP frame of the capture with the --keys file: ICV good, ICMP inside', () => {
    const r = vtiRun();
    const file = join(r.dir, 'c.pcapng');
    const rows = tshark(['-r', file, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', ...uat(join(r.dir, 'esp_sa'), 'esp_sa'), '-Y', 'esp', '-T', 'fields', '-e', 'esp.spi', '-e', 'esp.icv_good', '-e', 'icmp.type'])
      .trim().split('\n').map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThanOrEqual(16);
    for (const [spi, good, icmp] of rows) {
      expect(spi).toMatch(/^0x/);
      expect(good).toBe('1');
      expect(['0', '8']).toContain(icmp);
    }
  });

  it.skipIf(skipWithout('scapy'))('scapy decrypts the same ESP frames with the same keys', () => {
    const r = vtiRun();
    const capture = readPcapng(new Uint8Array(readFileSync(join(r.dir, 'c.pcapng'))));
    if (!capture.ok) throw new Error(capture.error);
    const keys = new Map<string, string[]>();
    for (const l of readFileSync(join(r.dir, 'esp_sa'), 'utf8').split('\n').filter((x) => x.startsWith('"'))) {
      const f = l.split(',').map((x) => x.replace(/"/g, ''));
      keys.set(f[3]!.toLowerCase(), f);
    }
    const cases = capture.value.packets
      .map((p) => p.data.subarray(14))
      .filter((ipb) => ipb[9] === 50)
      .map((ipb) => {
        const spi = `0x${Array.from(ipb.subarray(20, 24), (b) => b.toString(16).padStart(2, '0')).join('')}`;
        const k = keys.get(spi)!;
        return { spi: parseInt(spi, 16), src: k[1], dst: k[2], ckey: k[5]!.slice(2), akey: k[7]!.slice(2), packet: Buffer.from(ipb.subarray(0, (ipb[2]! << 8) | ipb[3]!)).toString('hex') };
      });
    expect(cases.length).toBeGreaterThanOrEqual(16);
    const script = String.raw`
import json, sys, warnings
warnings.simplefilter("ignore")
from scapy.all import IP, raw
from scapy.layers.ipsec import SecurityAssociation, ESP
out = []
for c in json.load(sys.stdin):
    sa = SecurityAssociation(ESP, spi=c["spi"], crypt_algo="AES-CBC", crypt_key=bytes.fromhex(c["ckey"]), auth_algo="HMAC-SHA1-96", auth_key=bytes.fromhex(c["akey"]), tunnel_header=IP(src=c["src"], dst=c["dst"]))
    p = sa.decrypt(IP(bytes.fromhex(c["packet"])))
    out.append([p.src, p.dst, p.proto])
print(json.dumps(out))
`;
    const got = JSON.parse(python(script, [], JSON.stringify(cases))) as [string, string, number][];
    for (const [src, dst, proto] of got) {
      expect([src, dst].sort()).toEqual(['10.1.1.10', '10.2.2.10']);
      expect(proto).toBe(1);
    }
  });

  it.skipIf(skipWithout('tshark'))('tshark dissects the IKE exchange without malformed packets and decrypts main mode 5/6 and quick mode with --ike-keys', () => {
    const r = vtiRun();
    const file = join(r.dir, 'c.pcapng');
    expect(tshark(['-r', file, '-Y', 'isakmp && _ws.malformed', '-T', 'fields', '-e', 'frame.number']).trim()).toBe('');
    const rows = tshark(['-r', file, ...uat(join(r.dir, 'ikev1'), 'ikev1_decryption_table'), '-Y', 'isakmp', '-T', 'fields', '-e', 'isakmp.exchangetype', '-e', 'isakmp.flag_e', '-e', 'isakmp.typepayload', '-e', 'isakmp.id.type'])
      .trim().split('\n').map((l) => l.split('\t'));
    const mainEncrypted = rows.filter(([x, e]) => x === '2' && e === '1');
    expect(mainEncrypted.length).toBeGreaterThanOrEqual(2);
    // MM5/MM6 decrypted: Identification (5) and Hash (8) payloads, ID_IPV4_ADDR (1).
    for (const [, , payloads, id] of mainEncrypted) {
      expect(payloads!.split(',').slice(0, 2)).toEqual(['5', '8']);
      expect(id).toBe('1');
    }
    const quick = rows.filter(([x]) => x === '32');
    expect(quick.length).toBeGreaterThanOrEqual(3);
    // QM1/QM2 decrypted: Hash, SA, Proposal, Transform, Nonce, and the two proxy IDs (ID_IPV4_ADDR_SUBNET 4).
    const qm12 = quick.filter(([, , p]) => p!.split(',').length > 1);
    expect(qm12.length).toBeGreaterThanOrEqual(2);
    for (const [, , payloads, id] of qm12) {
      expect(payloads).toBe('8,1,2,3,10,5,5');
      expect(id).toBe('4,4');
    }
  });

  it.skipIf(skipWithout('textfsm'))('ntc TextFSM parses show crypto ipsec sa detail and show crypto session detail into the right fields', () => {
    const r = vtiRun();
    const PARSE = `
import sys, json, textfsm
with open(sys.argv[1]) as f:
    t = textfsm.TextFSM(f)
rows = t.ParseText(sys.stdin.read())
print(json.dumps([dict(zip(t.header, r)) for r in rows]))
`;
    const parse = (template: string, text: string) => JSON.parse(python(PARSE, [join(NTC, template)], text)) as Record<string, string | string[]>[];
    const detail = section(r, 'R1', 'show crypto ipsec sa detail');
    const sa = parse('cisco_ios_show_crypto_ipsec_sa_detail.textfsm', detail);
    expect(sa.length).toBeGreaterThan(0);
    const row = sa[0]!;
    const spi = /current outbound spi: (0x[0-9A-F]+)/.exec(detail)![1]!;
    expect(row).toMatchObject({ INTERFACE: 'Tunnel0', CURRENT_PEER: '203.0.113.2', PORT: '500', LOCAL_IDENT_ADDR: '0.0.0.0', REMOTE_IDENT_ADDR: '0.0.0.0', PLAINTEXT_MTU: '1438' });
    expect(Number(row.PKTS_ENCAPS)).toBe(Number(/#pkts encaps: (\d+)/.exec(detail)![1]));
    expect(Number(row.PKTS_DECAPS)).toBeGreaterThan(0);
    expect(JSON.stringify(sa)).toContain(spi);
    const session = parse('cisco_ios_show_crypto_session_detail.textfsm', section(r, 'R1', 'show crypto session detail'));
    expect(session.length).toBeGreaterThan(0);
    expect(session[0]).toMatchObject({ INTERFACE: 'Tunnel0', SESSION_STATUS: 'UP-ACTIVE', PEER: '203.0.113.2', PORT: '500' });
    expect(session.some((s) => s.LOCAL_IP === '203.0.113.1' && s.REMOTE_IP === '203.0.113.2' && s.IKEV1_STATUS === 'Active')).toBe(true);
  });
});

describe('the other IPsec labs through tunnelscope run', () => {
  it('gre-over-ipsec-transport.json: ping size 1400 goes through', () => {
    const r = run(join(LABS, 'gre-over-ipsec-transport.json'), ['H1: ping 10.2.2.10', 'H1: ping 10.2.2.10 size 1400', 'R1: show crypto ipsec sa']);
    expect(pingMarks(r)[1]).toBe('!!!!!');
    expect(section(r, 'R1', 'show crypto ipsec sa')).toContain('in use settings ={Transport, }');
    expect(section(r, 'R1', 'show crypto ipsec sa')).toContain('local  ident (addr/mask/prot/port): (203.0.113.1/255.255.255.255/47/0)');
  });

  it('nat-t-static-nat.json: Tunnel UDP-Encaps, plaintext mtu 1422, peer port 4500', () => {
    const r = run(join(LABS, 'nat-t-static-nat.json'), ['H1: ping 10.2.2.10', 'H1: ping 10.2.2.10', 'R1: show crypto ipsec sa', 'R1: show crypto session'], true);
    expect(pingMarks(r)[1]).toBe('!!!!!');
    const sa = section(r, 'R1', 'show crypto ipsec sa');
    expect(sa).toContain('in use settings ={Tunnel UDP-Encaps, }');
    expect(sa).toMatch(/plaintext mtu 1422,/);
    expect(sa).toContain('current_peer 198.51.100.2 port 4500');
    if (!skipWithout('tshark')) {
      const file = join(r.dir, 'c.pcapng');
      const ports = tshark(['-r', file, '-Y', 'isakmp', '-T', 'fields', '-e', 'udp.dstport']).trim().split('\n');
      expect(ports).toContain('500');
      expect(ports).toContain('4500');
      const rows = tshark(['-r', file, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', ...uat(join(r.dir, 'esp_sa'), 'esp_sa'), '-Y', 'esp', '-T', 'fields', '-e', 'udp.dstport', '-e', 'esp.icv_good', '-e', 'icmp.type'])
        .trim().split('\n').map((l) => l.split('\t'));
      expect(rows.length).toBeGreaterThan(0);
      for (const [, good, icmp] of rows) {
        expect(good).toBe('1');
        expect(['0', '8']).toContain(icmp);
      }
      expect(rows.every(([port]) => port !== '')).toBe(true);
    }
  });

  it('ospf-over-vti.json: the remote LAN is an O route through Tunnel0', () => {
    const r = run(join(LABS, 'ospf-over-vti.json'), ['R1: show ip ospf neighbor', 'R1: show ip route', 'H1: ping 10.2.2.10', 'H1: ping 10.2.2.10']);
    expect(section(r, 'R1', 'show ip ospf neighbor')).toMatch(/^\d+\.\d+\.\d+\.\d+ +0 +FULL\/ +- +\d\d:\d\d:\d\d +172\.16\.0\.2 +Tunnel0$/m);
    expect(section(r, 'R1', 'show ip route')).toMatch(/^O +10\.2\.2\.0\/24 \[110\/\d+\] via 172\.16\.0\.2, .*Tunnel0$/m);
    expect(pingMarks(r)[1]).toBe('!!!!!');
  });

  it('crypto-map-ospf.json: show crypto map, and the first LAN-to-LAN packet is lost to IKE', () => {
    const r = run(join(OWN_LABS, 'crypto-map-ospf.json'), ['H1: ping 10.1.1.1', 'H2: ping 10.2.2.1', 'H1: ping 10.2.2.10', 'R1: show crypto map', 'R1: show ip route', 'R1: show ip ospf neighbor']);
    expect(section(r, 'R1', 'show ip ospf neighbor')).not.toMatch(/FULL|INIT|2WAY|EXSTART/);
    expect(pingMarks(r)[2]).toBe('.!!!!');
    const map = section(r, 'R1', 'show crypto map');
    expect(map).toContain('Crypto Map IPv4 "CMAP" 10 ipsec-isakmp');
    expect(map).toContain('Peer = 192.0.2.1');
    expect(map).toContain('access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255');
    expect(section(r, 'R1', 'show ip route')).not.toMatch(/^O /m);
  });

  it('debug crypto isakmp prints the negotiation on the console', () => {
    const r = run(join(OWN_LABS, 'crypto-map-ospf.json'), ['R1: debug crypto isakmp', 'H1: ping 10.1.1.1', 'H1: ping 10.2.2.10', 'R1: show crypto isakmp sa']);
    expect(r.out).toMatch(/ISAKMP.*sending packet to 192\.0\.2\.1 my_port 500 peer_port 500/);
  });
});
