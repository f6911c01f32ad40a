// Crypto maps: ACL-selected traffic is protected, the first packet triggers IKE and is lost,
// the rest goes in clear, multicast is never protected (so OSPF forms no adjacency across the
// VPN), inbound ESP is checked against the mirrored ACL. Also NAT-T through PAT.
import { describe, expect, it } from 'vitest';
import { ip, ping, type Network } from '..';
import { ospfOf } from '../ospf/plugin';
import { espEncapsulate } from '../ipsec/esp-process';
import { emitIpv4 } from '../../wire/ipv4';
import { icmpEchoRequest } from '../../wire/icmp';
import { build, ownLab } from './labs';
import { vpnOf } from './plugin';
import { cryptoMapViews, ipsecSaViews } from './show';

const marks = (net: Network, from: string, to: string, source?: string) =>
  ping(net, net.device(from)!, { target: ip(to), repeat: 5, ...(source ? { source } : {}) }).replies.map((r) => r.mark).join('');

function mapLab(): Network {
  const net = build(ownLab('crypto-map-ospf.json'));
  net.converge(40_000_000);
  // Hosts announce themselves to their gateways first, so only IKE costs a packet.
  marks(net, 'H1', '10.1.1.1');
  marks(net, 'H2', '10.2.2.1');
  return net;
}

describe('crypto map (crypto-map-ospf.json)', () => {
  it('loses the first packet to IKE, then protects the LAN-to-LAN traffic', () => {
    const net = mapLab();
    const r1 = net.device('R1')!;
    expect(vpnOf(r1)!.sad.bundles).toHaveLength(0);
    expect(marks(net, 'H1', '10.2.2.10')).toBe('.!!!!');
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
    const v = ipsecSaViews(r1, vpnOf(r1)!)[0]!;
    expect(v.cryptoMapTag).toBe('CMAP');
    expect(v.localIdent).toEqual({ address: '10.1.1.0', mask: '255.255.255.0', protocol: 0, port: 0 });
    expect(v.remoteIdent).toEqual({ address: '10.2.2.0', mask: '255.255.255.0', protocol: 0, port: 0 });
    expect(v.encaps).toBe(9);
    // R3 never saw the LAN addresses: only ESP between the peers crossed it.
    const atR3 = net.trace.records.filter((t) => t.device === 'R3' && t.point === 'Forward' && t.before);
    expect(atR3.some((t) => t.before![9] === 1 && t.before![12] === 10)).toBe(false);
    expect(atR3.some((t) => t.before![9] === 50)).toBe(true);
    const map = cryptoMapViews(r1, vpnOf(r1)!)[0]!;
    expect(map).toMatchObject({ name: 'CMAP', seq: 10, peer: '192.0.2.1', interfaces: ['GigabitEthernet1'], pfs: 'N' });
    expect(map.acl?.lines).toEqual(['access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255']);
  });

  it('sends traffic the ACL does not permit in clear', () => {
    const net = mapLab();
    expect(marks(net, 'R1', '192.0.2.1')).toMatch(/!!!!$/);
    const clear = net.trace.records.filter((t) => t.device === 'R3' && t.point === 'Forward' && t.before && t.before[9] === 1);
    expect(clear.length).toBeGreaterThan(0);
    expect(vpnOf(net.device('R1')!)!.sad.bundles).toHaveLength(0);
  });

  it('never protects multicast: OSPF forms no adjacency across the VPN', () => {
    const net = mapLab();
    marks(net, 'H1', '10.2.2.10');
    net.runFor(60_000_000);
    for (const r of ['R1', 'R2']) {
      expect(ospfOf(net.device(r)!)!.neighbors()).toEqual([]);
      expect(net.device(r)!.rib.routes().some((x) => x.code === 'O')).toBe(false);
    }
    const hellosOut = net.trace.records.filter((t) => t.device === 'R1' && t.point === 'Tx' && t.egress === 'GigabitEthernet1' && t.after && t.after[23] === 89);
    expect(hellosOut.length).toBeGreaterThan(0);
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
  });

  it('drops decrypted packets that the mirrored ACL does not cover', () => {
    const net = mapLab();
    marks(net, 'H1', '10.2.2.10');
    // R2 now also protects 10.2.2.0 -> 10.3.3.0 with the same SA; R1's ACL does not mirror that.
    const r1 = net.device('R1')!;
    const b = vpnOf(net.device('R2')!)!.sad.forPolicy('CMAP 10')!;
    const packet = emitIpv4({ src: '10.2.2.10', dst: '10.3.3.3', protocol: 1, ttl: 64 }, icmpEchoRequest(1, 1, new Uint8Array(8)));
    const enc = espEncapsulate(b.outbound, packet, { id: 7 });
    if (!enc.ok) throw new Error(enc.reason);
    r1.receiveIp('GigabitEthernet1', enc.packet, 999_999);
    net.runFor(1000);
    expect(net.trace.records.some((t) => t.device === 'R1' && t.packetId === 999_999 && t.point === 'Drop' && /is not what crypto map CMAP 10 \(ACL 101\) protects/.test(t.decision))).toBe(true);
  });
});


describe('NAT-T through PAT (nat-t-pat.json)', () => {
  it('works when the inside router initiates: UDP 4500, Tunnel UDP-Encaps, plaintext mtu 1422', () => {
    const net = build(ownLab('nat-t-pat.json'));
    net.converge(40_000_000);
    marks(net, 'H1', '10.2.2.10');
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
    const r1 = net.device('R1')!;
    const v = ipsecSaViews(r1, vpnOf(r1)!)[0]!;
    expect(v.inbound[0]!.settings).toBe('{Tunnel UDP-Encaps, }');
    expect(v.plaintextMtu).toBe(1422);
    const r2 = net.device('R2')!;
    expect(ipsecSaViews(r2, vpnOf(r2)!)[0]!.inbound[0]!.settings).toBe('{Tunnel UDP-Encaps, }');
  });
});
