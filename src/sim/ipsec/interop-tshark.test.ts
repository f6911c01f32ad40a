// tshark 4.0 decrypts our ESP with the esp_sa lines we export (DESIGN.md `--keys`), for every
// suite it knows: the ICV must be good and the decrypted payload byte-equal to what we protected.
// Tunnel mode (VTI), transport mode (GRE/IPsec) and NAT-T (UDP 4500), one frame each per suite.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../wire/bytes';
import { parseIpv4 } from '../../wire/ipv4';
import { writePcapng } from '../../wire/pcapng';
import { skipWithout, tempDir } from '../../testing/tools';
import { espEncapsulate } from './esp-process';
import { wiresharkEspSaLine } from './wireshark-keys';
import { grePacket, icmpPacket, saPair } from './fixtures/packets';

const LINKTYPE_RAW_IP = 101;

const SUITES: [string, string, number | undefined, string | null][] = [
  ['esp-aes esp-sha-hmac', 'esp-aes', undefined, 'esp-sha-hmac'],
  ['esp-aes 256 esp-sha256-hmac', 'esp-aes', 256, 'esp-sha256-hmac'],
  ['esp-aes 192 esp-md5-hmac', 'esp-aes', 192, 'esp-md5-hmac'],
  ['esp-gcm', 'esp-gcm', undefined, null],
  ['esp-gcm 256', 'esp-gcm', 256, null],
  ['esp-3des esp-sha-hmac', 'esp-3des', undefined, 'esp-sha-hmac'],
  ['esp-3des esp-md5-hmac', 'esp-3des', undefined, 'esp-md5-hmac'],
  ['esp-des esp-sha384-hmac', 'esp-des', undefined, 'esp-sha384-hmac'],
  ['esp-aes esp-sha512-hmac', 'esp-aes', undefined, 'esp-sha512-hmac'],
  ['esp-null esp-sha-hmac', 'esp-null', undefined, 'esp-sha-hmac'],
];
const VARIANTS = ['tunnel', 'transport', 'nat-t'] as const;

interface Frame {
  suite: string;
  variant: (typeof VARIANTS)[number];
  packet: Uint8Array;
  /** What ESP carried: the inner packet (tunnel) or the IP payload (transport). */
  carried: Uint8Array;
}

type Layers = Record<string, unknown>;
let decoded: Layers[] = [];
let rawJson = '';
const frames: Frame[] = [];
const lines: string[] = [];

describe.skipIf(skipWithout('tshark'))('tshark decrypts our ESP', () => {
  beforeAll(() => {
    let spi = 0x2000;
    for (const [name, cipher, keyBits, integrity] of SUITES) {
      for (const variant of VARIANTS) {
        const mode = variant === 'transport' ? 'transport' : 'tunnel';
        const { out, config } = saPair({ cipher, keyBits, integrity, mode, natT: variant === 'nat-t', spi: spi++, seed: variant });
        const inner = icmpPacket(100 + frames.length, { seq: frames.length + 1 });
        const input = mode === 'transport' ? grePacket(inner) : inner;
        // Two packets per SA so the sequence number and a fresh IV are exercised too.
        for (let n = 0; n < 2; n++) {
          const r = espEncapsulate(out, input);
          if (!r.ok) throw new Error(r.reason);
          const ip = parseIpv4(input);
          if (!ip.ok) throw new Error(ip.error);
          frames.push({ suite: name, variant, packet: r.packet, carried: mode === 'tunnel' ? input : ip.value.payload });
        }
        lines.push(wiresharkEspSaLine(config));
      }
    }
    const dir = tempDir('tunnelscope-esp-');
    const file = join(dir, 'esp.pcapng');
    writeFileSync(file, writePcapng([{ name: 'R1 GigabitEthernet1 - R2 GigabitEthernet1', linkType: LINKTYPE_RAW_IP }], frames.map((f, i) => ({ interfaceId: 0, timestampUs: i * 1000, data: f.packet }))));
    const uat = lines.flatMap((l) => ['-o', `uat:esp_sa:${l}`]);
    // An empty config dir: no personal Wireshark profile may decide the outcome.
    rawJson = execFileSync(
      '/usr/bin/tshark',
      ['-r', file, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', ...uat, '-T', 'json', '-x'],
      { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, WIRESHARK_CONFIG_DIR: dir, HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    decoded = (JSON.parse(rawJson) as { _source: { layers: Layers } }[]).map((p) => p._source.layers);
  });

  it('reads every frame, with no malformed packet and no expert error', () => {
    expect(decoded.length).toBe(frames.length);
    expect(rawJson).not.toContain('_ws.malformed');
    expect(rawJson).not.toMatch(/"_ws\.expert\.severity": "8388608"/);
  });

  it('a wrong integrity key in the esp_sa line shows as a bad ICV (the check above can fail)', () => {
    const first = lines[0]!;
    const wrong = first.replace(/"0x([0-9a-f]+)"$/, (_m, key: string) => `"0x${key.slice(0, -2)}${key.endsWith('00') ? '01' : '00'}"`);
    expect(wrong).not.toBe(first);
    const dir = tempDir('tunnelscope-esp-');
    const file = join(dir, 'one.pcapng');
    writeFileSync(file, writePcapng([{ name: 'x', linkType: LINKTYPE_RAW_IP }], [{ interfaceId: 0, timestampUs: 0, data: frames[0]!.packet }]));
    const out = execFileSync('/usr/bin/tshark', ['-r', file, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', '-o', `uat:esp_sa:${wrong}`, '-T', 'fields', '-e', 'esp.icv_good', '-e', 'esp.icv_bad'], {
      encoding: 'utf8',
      env: { ...process.env, WIRESHARK_CONFIG_DIR: dir, HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out.trim()).toBe('0\t1');
  });

  for (const [name] of SUITES) {
    for (const variant of VARIANTS) {
      it(`${name}, ${variant}: ICV good, decrypted payload byte-equal`, () => {
        const indexes = frames.flatMap((f, i) => (f.suite === name && f.variant === variant ? [i] : []));
        expect(indexes.length).toBe(2);
        for (const [n, i] of indexes.entries()) {
          const layers = decoded[i]!;
          const frame = frames[i]!;
          const esp = layers['esp'] as Record<string, unknown>;
          expect(esp['esp.sequence']).toBe(String(n + 1));
          const icv = esp['esp.icv_tree'] as Record<string, string>;
          expect(icv['esp.icv_good']).toBe('1');
          expect(icv['esp.icv_bad']).toBe('0');
          const tree = esp['esp.decrypted_data_tree'] as Record<string, [string, ...unknown[]]>;
          expect(tree['esp.contained_data_raw']![0]).toBe(toHex(frame.carried));
          const protocols = (layers['frame'] as Record<string, string>)['frame.protocols'];
          const chain = variant === 'transport' ? 'raw:ip:esp:gre:ip:icmp:data' : variant === 'nat-t' ? 'raw:ip:udp:udpencap:esp:ip:icmp:data' : 'raw:ip:esp:ip:icmp:data';
          expect(protocols).toBe(chain);
        }
      });
    }
  }
});
