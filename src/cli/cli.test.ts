import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPcapng } from '../wire/pcapng';
import { skipWithout, tempDir, tshark } from '../testing/tools';
import { main } from './main';

const GRE_LAB = join(import.meta.dirname, '../sim/testlabs/gre-transit.json');
const GARBAGE_LAB = join(import.meta.dirname, 'fixtures/garbage-config.json');
const ROOT = join(import.meta.dirname, '../..');

function run(...argv: string[]): { code: number; out: string; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (t) => out.push(t), stderr: (l) => err.push(l) });
  return { code, out: out.join('\n'), err };
}

const exec = (...lines: string[]) => lines.flatMap((l) => ['--exec', l]);

describe('tunnelscope run', () => {
  it('pings host to host through the GRE tunnel: ARP losses first, then 100%, and traceroute', () => {
    const r = run('run', GRE_LAB, ...exec('H1: ping 10.2.2.10', 'H1: ping 10.2.2.10', 'H1: traceroute 10.2.2.10'));
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const [first, second] = [...r.out.matchAll(/^([.!U]{5})$/gm)].map((m) => m[1]);
    expect(first).toMatch(/^\.+!+$/);
    expect(second).toBe('!!!!!');
    expect(r.out).toContain('Success rate is 100 percent (5/5)');
    const hops = [...r.out.matchAll(/^\s+(\d+) (\d+\.\d+\.\d+\.\d+) /gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(hops).toEqual(['1 10.1.1.1', '2 172.16.0.2', '3 10.2.2.10']);
  });

  it('prints the transcript as the console shows it, keeping the mode between lines', () => {
    const r = run('run', GRE_LAB, ...exec('R1: sh ip int br', 'R1: conf t', 'R1: int tu0', 'R1: shut', 'R1: end', 'R1: show ip bogus', 'R1: ?', 'R1: show ?', 'R1: show ip ?', 'R1: sh ip r?', 'R1: sh ip int br'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const prompts = lines.filter((l) => /^R1[#(]/.test(l));
    expect(prompts).toEqual([
      'R1#sh ip int br', 'R1#conf t', 'R1(config)#int tu0', 'R1(config-if)#shut', 'R1(config-if)#end',
      'R1#show ip bogus', 'R1#?', 'R1#show ?', 'R1#show ip ?', 'R1#sh ip r?', 'R1#sh ip int br',
    ]);
    expect(r.out).toMatch(/^Tunnel0 +172\.16\.0\.1 +YES NVRAM +up +up *$/m);
    expect(r.out).toMatch(/%LINK-5-CHANGED: Interface Tunnel0, changed state to administratively down/);
    expect(r.out).toMatch(/%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down/);
    expect(r.out).toMatch(/^Tunnel0 +172\.16\.0\.1 +YES NVRAM +administratively down +down *$/m);
    const bogus = lines.indexOf('R1#show ip bogus');
    expect(lines[bogus + 1]).toBe(`${' '.repeat('R1#show ip '.length)}^`);
    expect(lines[bogus + 2]).toBe("% Invalid input detected at '^' marker.");
    // `?` at three depths lists keywords with help text; a partial word lists completions.
    const after = (p: string) => lines[lines.indexOf(p) + 1]!;
    expect(after('R1#?')).toMatch(/^ {2}\S+ +\S/);
    expect(after('R1#show ?')).toMatch(/^ {2}\S+ +\S/);
    expect(r.out.slice(r.out.indexOf('R1#show ?'))).toMatch(/^ {2}ip {2,}IP information$/m);
    expect(r.out.slice(r.out.indexOf('R1#show ip ?'))).toMatch(/^ {2}route {2,}IP routing table$/m);
    expect(after('R1#sh ip r?').trim()).toBe('route');
  });

  it('writes a pcapng with one interface per link that tshark reads cleanly, the same bytes for the same seed', () => {
    const dir = tempDir();
    const a = join(dir, 'a.pcapng');
    const b = join(dir, 'b.pcapng');
    const c = join(dir, 'c.pcapng');
    const args = exec('H1: ping 10.2.2.10', 'H1: traceroute 10.2.2.10');
    expect(run('run', GRE_LAB, ...args, '--pcap', a, '--seed', '3').code).toBe(0);
    expect(run('run', GRE_LAB, ...args, '--pcap', b, '--seed', '3').code).toBe(0);
    expect(run('run', GRE_LAB, ...args, '--pcap', c, '--seed', '4').code).toBe(0);
    const bytesA = readFileSync(a);
    expect(bytesA.equals(readFileSync(b))).toBe(true);
    expect(bytesA.equals(readFileSync(c))).toBe(false);
    const cap = readPcapng(new Uint8Array(bytesA));
    expect(cap.ok && cap.value.interfaces.map((i) => i.name)).toEqual([
      'H1 Ethernet0 - R1 GigabitEthernet2',
      'R1 GigabitEthernet1 - R3 GigabitEthernet1',
      'R3 GigabitEthernet2 - R2 GigabitEthernet1',
      'R2 GigabitEthernet2 - H2 Ethernet0',
    ]);
    if (skipWithout('tshark')) return;
    const rows = tshark(['-r', a, '-T', 'fields', '-e', 'frame.protocols', '-e', '_ws.malformed']).trim().split('\n');
    expect(rows.some((l) => l.startsWith('eth:ethertype:arp'))).toBe(true);
    expect(rows.some((l) => l.startsWith('eth:ethertype:ip:gre:ip:icmp'))).toBe(true);
    expect(rows.some((l) => l.startsWith('eth:ethertype:ip:gre:ip:udp'))).toBe(true);
    expect(rows.filter((l) => (l.split('\t')[1] ?? '') !== '')).toEqual([]);
  });

  it('writes empty key files while no SA exists', () => {
    const dir = tempDir();
    const keys = join(dir, 'k.esp_sa');
    const ike = join(dir, 'k.ikev1');
    expect(run('run', GRE_LAB, '--keys', keys, '--ike-keys', ike).code).toBe(0);
    expect(readFileSync(keys, 'utf8')).toBe('');
    expect(readFileSync(ike, 'utf8')).toBe('');
  });

  it('loads garbage config lines as unsupported and still runs', () => {
    const r = run('run', GARBAGE_LAB, ...exec('R1: show running-config', 'H1: ping 10.2.2.10'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^flurble wibble 42$/m);
    expect(r.out).toMatch(/^ ip adress 198\.51\.100\.1 255\.255\.255\.252$/m);
  });
});

describe('tunnelscope check', () => {
  it('reports a clean lab with exit 0', () => {
    const r = run('check', GRE_LAB);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK (5 devices, 4 links)');
  });

  it('reports every garbage line with its device and line number, exit 1', () => {
    const r = run('check', GARBAGE_LAB);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^device R1, config line 8: .*flurble wibble 42/);
    expect(lines[1]).toMatch(/^device R1, config line 10: .*ip adress 198\.51\.100\.1 255\.255\.255\.252/);
    expect(lines[2]).toMatch(/^device R3, config line 8: .*this is not ios/);
  });

  it('reports a document that is not a lab, exit 1', () => {
    const dir = tempDir();
    const f = join(dir, 'x.json');
    writeFileSync(f, JSON.stringify({ format: 'tunnelscope-lab', version: 1, title: 't', notes: '', devices: 5, links: [] }));
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/devices/);
  });
});

describe('bad input: exit 2 and one clear line on stderr', () => {
  const dir = tempDir();
  const random = join(dir, 'random.json');
  // Fixed "random" bytes (a hostile upload), including invalid UTF-8.
  writeFileSync(random, Uint8Array.from({ length: 256 }, (_, i) => (i * 167 + 13) & 0xff));
  const notLab = join(dir, 'not-a-lab.json');
  writeFileSync(notLab, JSON.stringify({ hello: 'world' }));
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['run', join(dir, 'missing.json')], /cannot read .*missing\.json: no such file/],
    ['random bytes', ['run', random], /random\.json is not a lab file/],
    ['JSON that is not a lab', ['run', notLab], /not-a-lab\.json is not a valid lab: .*not a Tunnelscope lab/],
    ['an unknown device in --exec', ['run', GRE_LAB, '--exec', 'R9: show ip route'], /no device R9 in the lab/],
    ['an --exec without a device', ['run', GRE_LAB, '--exec', 'show ip route'], /is not "DEVICE: COMMAND"/],
    ['an unknown option', ['run', GRE_LAB, '--frobnicate'], /unknown option --frobnicate/],
    ['a bad seed', ['run', GRE_LAB, '--seed', 'x'], /--seed x is not a non-negative integer/],
    ['an unknown command', ['explode', GRE_LAB], /unknown command "explode"/],
    ['a link that is not a lab', ['unlink', 'https://example.org/#lab=1.AAAA'], /link does not hold a valid lab/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, () => {
      const r = run(...argv);
      expect(r.code).toBe(2);
      expect(r.err.length).toBe(1);
      expect(r.err[0]).toMatch(message);
      expect(r.err[0]).not.toMatch(/\n|\s+at /);
      expect(r.out).toBe('');
    });
  }

  it('through npm run -s tunnelscope: exit 2, one line, no stack trace', () => {
    for (const argv of [['run', join(dir, 'missing.json')], ['run', random]]) {
      const p = spawnSync('npm', ['run', '-s', 'tunnelscope', '--', ...argv], { cwd: ROOT, encoding: 'utf8' });
      expect(p.status).toBe(2);
      expect(p.stdout).toBe('');
      expect(p.stderr.trim().split('\n')).toHaveLength(1);
      expect(p.stderr).toMatch(/^tunnelscope: /);
    }
  });
});

describe('tunnelscope link / unlink', () => {
  it('round-trips a lab through the share link', () => {
    const link = run('link', GRE_LAB);
    expect(link.code).toBe(0);
    expect(link.out).toMatch(/^#lab=/);
    const back = run('unlink', `https://tunnelscope.example/${link.out}`);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out).devices.map((d: { name: string }) => d.name)).toEqual(['H1', 'R1', 'R3', 'R2', 'H2']);
  });
});

describe('built-in labs by id', () => {
  it('lists the library, and runs, checks and links a built-in lab or its variant as a file', () => {
    const labs = run('labs');
    expect(labs.code).toBe(0);
    expect(labs.out).toContain('builtin:vti-static builtin:vti-static/broken\n  IPsec static VTI between two sites');
    const r = run('run', 'builtin:vti-static', ...exec('H1: ping 10.2.2.10', 'H1: ping 10.2.2.10'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('!!!!!');
    expect(run('check', 'builtin:hosts-cannot-ping/solved').code).toBe(0);
    expect(run('link', 'builtin:gre-ipsec-tunnel').out).toMatch(/^#lab=1\./);
    const broken = run('run', 'builtin:vti-static/broken', ...exec('R1: show crypto isakmp sa'));
    expect(broken.out).toContain('MM_KEY_EXCH');
  });

  it('names the labs there are when the id is wrong, and the variants when the variant is', () => {
    const wrong = run('run', 'builtin:vti-statik');
    expect(wrong.code).toBe(2);
    expect(wrong.err[0]).toMatch(/^tunnelscope: no built-in lab "vti-statik" \(tunnelscope labs lists them: vti-static, /);
    const variant = run('run', 'builtin:vti-static/solved');
    expect(variant.code).toBe(2);
    expect(variant.err[0]).toBe('tunnelscope: the built-in lab vti-static has no solved variant (it has: broken)');
  });
});
