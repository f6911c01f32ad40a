// scapy (an independent ESP implementation) and we read each other's ESP:
// - we decrypt the packets scapy built (fixtures/scapy_esp.json, made by make_scapy_esp.py);
// - scapy decrypts ours, live through /usr/bin/python3 (skipped without scapy outside CI);
// - we decrypt the reference capture fixtures/xfrm_test/esp_test.pcap with its esp_sa keys.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../crypto/rng';
import { fromHex, toHex } from '../../wire/bytes';
import { parseIpv4 } from '../../wire/ipv4';
import { python, skipWithout } from '../../testing/tools';
import { createEspSa } from './sa';
import { espDecapsulate, espEncapsulate } from './esp-process';
import { parseWiresharkEspSaLine } from './wireshark-keys';
import { grePacket, icmpPacket, saPair, transforms } from './fixtures/packets';
import scapyFixtures from './fixtures/scapy_esp.json';

describe('we decrypt ESP that scapy built', () => {
  it.each(scapyFixtures.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const t = transforms(c.cipher, c.keyBits ?? undefined, c.integrity);
    const sa = createEspSa({
      spi: c.spi,
      mode: c.mode as 'tunnel' | 'transport',
      cipher: t.cipher,
      integrity: t.integrity,
      keys: t.integrity ? { encryptionKey: fromHex(c.encryptionKey), integrityKey: fromHex(c.integrityKey) } : { encryptionKey: fromHex(c.encryptionKey) },
      source: '203.0.113.1',
      destination: '203.0.113.5',
      rng: new SeededRandom('unused'),
    });
    const r = espDecapsulate(sa, fromHex(c.packet));
    if (!r.ok) throw new Error(r.reason);
    expect(r.sequence).toBe(c.sequence);
    expect(toHex(r.packet)).toBe(c.original);
  });
});

/** Two ESP packets of the reference capture (Ethernet frames) with their esp_sa lines. */
function readClassicPcap(bytes: Uint8Array): Uint8Array[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = v.getUint32(0, true) === 0xa1b2c3d4;
  const out: Uint8Array[] = [];
  for (let at = 24; at + 16 <= bytes.length; ) {
    const caplen = v.getUint32(at + 8, le);
    out.push(bytes.subarray(at + 16, at + 16 + caplen));
    at += 16 + caplen;
  }
  return out;
}

describe('the reference capture (scapy 2.5, xfrm_test)', () => {
  it('decrypts both frames (plain ESP and NAT-T) with the keys of its esp_sa file', () => {
    const dir = new URL('./fixtures/xfrm_test/', import.meta.url);
    const frames = readClassicPcap(new Uint8Array(readFileSync(new URL('esp_test.pcap', dir))));
    const lines = readFileSync(new URL('esp_sa', dir), 'utf8').split('\n').filter((l) => l.startsWith('"'));
    expect(frames.length).toBe(2);
    frames.forEach((frame, i) => {
      const key = parseWiresharkEspSaLine(lines[i]!);
      if (!key.ok) throw new Error(key.error);
      const sa = createEspSa({ ...key.value, source: '192.0.2.1', destination: '192.0.2.2', mode: 'tunnel', rng: new SeededRandom('unused') });
      const r = espDecapsulate(sa, frame.subarray(14));
      if (!r.ok) throw new Error(r.reason);
      const inner = parseIpv4(r.packet);
      if (!inner.ok) throw new Error(inner.error);
      expect([inner.value.src, inner.value.dst, inner.value.protocol, inner.value.totalLength]).toEqual(['10.1.1.1', '10.2.2.2', 1, 84]);
      // Overheads the README states: 68 bytes plain, 76 with NAT-T.
      expect(frame.length - 14 - 84).toBe(i === 0 ? 68 : 76);
    });
  });
});

const SCAPY_DECRYPT = String.raw`
import json, sys, warnings
warnings.simplefilter("ignore")
from scapy.all import IP, UDP, raw
from scapy.layers.ipsec import SecurityAssociation, ESP
out = []
for c in json.load(sys.stdin):
    try:
        sa = SecurityAssociation(ESP, spi=c["spi"], crypt_algo=c["crypt"], crypt_key=bytes.fromhex(c["ckey"]) or None,
                                 auth_algo=c["auth"], auth_key=bytes.fromhex(c["akey"]) or None,
                                 tunnel_header=IP(src=c["src"], dst=c["dst"]) if c["mode"] == "tunnel" else None,
                                 nat_t_header=UDP(sport=4500, dport=4500) if c["natT"] else None)
        p = sa.decrypt(IP(bytes.fromhex(c["packet"])))
        out.append(raw(p).hex())
    except Exception as e:
        out.append("ERROR " + type(e).__name__ + ": " + str(e))
print(json.dumps(out))
`;

const SCAPY_NAMES: Record<string, string> = {
  'aes-cbc': 'AES-CBC', 'aes-gcm': 'AES-GCM', '3des-cbc': '3DES', 'des-cbc': 'DES', null: 'NULL',
  sha1: 'HMAC-SHA1-96', sha256: 'SHA2-256-128', sha384: 'SHA2-384-192', sha512: 'SHA2-512-256', md5: 'HMAC-MD5-96',
};

describe.skipIf(skipWithout('scapy'))('scapy decrypts our ESP', () => {
  const suites: [string, number | undefined, string | null][] = [
    ['esp-aes', undefined, 'esp-sha-hmac'], ['esp-aes', 256, 'esp-sha256-hmac'], ['esp-aes', 192, 'esp-sha384-hmac'], ['esp-aes', undefined, 'esp-sha512-hmac'],
    ['esp-gcm', undefined, null], ['esp-gcm', 256, null], ['esp-3des', undefined, 'esp-md5-hmac'], ['esp-des', undefined, 'esp-sha-hmac'], ['esp-null', undefined, 'esp-md5-hmac'],
  ];
  it('every suite, tunnel (VTI) and transport (GRE/IPsec), with and without NAT-T: byte-equal', () => {
    const cases: Record<string, unknown>[] = [];
    const expected: { name: string; hex: string }[] = [];
    let spi = 0x4000;
    for (const [cipher, keyBits, integrity] of suites) {
      for (const mode of ['tunnel', 'transport'] as const) {
        for (const natT of [false, true]) {
          const { out, config } = saPair({ cipher, keyBits, integrity, mode, natT, spi: spi++ });
          const inner = icmpPacket(77 + cases.length * 13, { seq: cases.length });
          const original = mode === 'transport' ? grePacket(inner) : inner;
          const r = espEncapsulate(out, original);
          if (!r.ok) throw new Error(r.reason);
          cases.push({
            spi: config.spi, mode, natT, src: config.source, dst: config.destination, packet: toHex(r.packet),
            crypt: SCAPY_NAMES[config.cipher.algorithm], ckey: toHex(config.keys.encryptionKey),
            auth: config.integrity ? SCAPY_NAMES[config.integrity.hash] : 'NULL', akey: config.keys.integrityKey ? toHex(config.keys.integrityKey) : '',
          });
          expected.push({ name: `${config.cipher.showName} ${config.integrity?.iosName ?? ''} ${mode}${natT ? ' NAT-T' : ''}`, hex: toHex(original) });
        }
      }
    }
    const got = JSON.parse(python(SCAPY_DECRYPT, [], JSON.stringify(cases))) as string[];
    expect(got.map((hex, i) => `${expected[i]!.name}: ${hex}`)).toEqual(expected.map((e) => `${e.name}: ${e.hex}`));
  });
});
