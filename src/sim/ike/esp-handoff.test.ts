import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../crypto/rng';
import { emitIpv4 } from '../../wire/ipv4';
import { ip } from '../addr';
import { espDecapsulate, espEncapsulate } from '../ipsec/esp-process';
import { createEspSa } from '../ipsec/sa';
import { SECOND } from '../scheduler';
import { espSaConfigs } from './esp-handoff';
import { FakeNet, R1, R2, config, vtiPolicy } from './testing';
import type { TransformSet } from './types';

describe('negotiated keys drive the ESP layer', () => {
  const sets: TransformSet[] = [
    { name: 'A', cipher: 'esp-aes', keyBits: 256, integrity: 'esp-sha-hmac', mode: 'tunnel' },
    { name: 'G', cipher: 'esp-gcm', keyBits: 256, mode: 'tunnel' },
    { name: 'D', cipher: 'esp-3des', integrity: 'esp-md5-hmac', mode: 'tunnel' },
  ];
  for (const set of sets) {
    for (const nat of [false, true]) {
      it(`${set.cipher}${set.integrity ? ' ' + set.integrity : ''}${nat ? ' through NAT' : ''}: R1 encapsulates, R2 decapsulates`, () => {
        const inside = nat ? ip('192.168.1.1') : R1;
        const outside = ip('203.0.113.10');
        const net = new FakeNet(nat ? { inside, outside, ports: { 500: 1024, 4500: 1025 } } : undefined);
        const pA = vtiPolicy(inside, R2, [set]);
        const a = net.add(inside, config(R2, pA), 'a');
        const b = net.add(R2, config(nat ? outside : R1, vtiPolicy(R2, nat ? outside : R1, [set])), 'b');
        net.initiate(inside, pA);
        net.run(5 * SECOND);
        const out = createEspSa(espSaConfigs(a.ipsecSa('Tunnel0')!, new SeededRandom(1)).outbound);
        const inb = createEspSa(espSaConfigs(b.ipsecSa('Tunnel0')!, new SeededRandom(2)).inbound);
        expect(inb.config.udpEncap !== undefined).toBe(nat);
        const inner = emitIpv4({ src: '10.1.1.10', dst: '10.2.2.10', protocol: 1 }, new Uint8Array([8, 0, 0xf7, 0xff, 0, 0, 0, 0]));
        const enc = espEncapsulate(out, inner);
        if (!enc.ok) throw new Error(enc.reason);
        const dec = espDecapsulate(inb, enc.packet);
        if (!dec.ok) throw new Error(dec.reason);
        expect(Buffer.from(dec.packet).toString('hex')).toBe(Buffer.from(inner).toString('hex'));
      });
    }
  }
});
