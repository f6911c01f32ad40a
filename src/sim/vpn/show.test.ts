// The data behind `show crypto ipsec sa`: every protected tunnel and every permit line of every
// applied crypto map entry is listed, with zero counters and SPI 0 until an SA forms (the IOS
// clue to an ACL or IKE problem).
import { describe, expect, it } from 'vitest';
import { ip, ping, type Network } from '..';
import { build, editConfig, ownLab, sharedLab } from './labs';
import { vpnOf } from './plugin';
import { cryptoMapViews, ipsecSaViews } from './show';

const views = (net: Network, dev: string) => ipsecSaViews(net.device(dev)!, vpnOf(net.device(dev)!)!);

describe('show crypto ipsec sa data', () => {
  it('lists a crypto map entry with no SA yet: zero counters, SPI 0, plaintext mtu = path mtu, its ACL idents', () => {
    const net = build(ownLab('crypto-map-ospf.json'));
    net.converge(40_000_000);
    const v = views(net, 'R1');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({
      interface: 'GigabitEthernet1', cryptoMapTag: 'CMAP', localAddress: '198.51.100.1',
      localIdent: { address: '10.1.1.0', mask: '255.255.255.0', protocol: 0, port: 0 },
      remoteIdent: { address: '10.2.2.0', mask: '255.255.255.0', protocol: 0, port: 0 },
      peer: '192.0.2.1', peerPort: 500, encaps: 0, decaps: 0, outboundSpi: 0,
      localEndpoint: '198.51.100.1', remoteEndpoint: '192.0.2.1',
      plaintextMtu: 1500, pathMtu: 1500, ipMtuIdb: 'GigabitEthernet1', inbound: [], outbound: [],
    });
    ping(net, net.device('H1')!, { target: ip('10.1.1.1'), repeat: 1 });
    ping(net, net.device('H1')!, { target: ip('10.2.2.10'), repeat: 5 });
    const after = views(net, 'R1');
    expect(after).toHaveLength(1);
    expect(after[0]!.outboundSpi).not.toBe(0);
    expect(after[0]!.inbound).toHaveLength(1);
    expect(after[0]!.plaintextMtu).toBe(1438);
  });

  it('one flow per permit line of the map ACL, the SA under the line it was negotiated for', () => {
    const lab = editConfig(ownLab('crypto-map-ospf.json'), 'R1', (c) => `${c}access-list 101 permit icmp 10.1.1.0 0.0.0.255 10.3.3.0 0.0.0.255\n`);
    const net = build(lab);
    net.converge(40_000_000);
    ping(net, net.device('H1')!, { target: ip('10.1.1.1'), repeat: 1 });
    ping(net, net.device('H1')!, { target: ip('10.2.2.10'), repeat: 5 });
    const v = views(net, 'R1');
    expect(v.map((f) => `${f.remoteIdent.address}/${f.remoteIdent.protocol}`)).toEqual(['10.2.2.0/0', '10.3.3.0/1']);
    expect(v[0]!.outboundSpi).not.toBe(0);
    expect(v[1]!.outboundSpi).toBe(0);
    expect(v[1]!.inbound).toEqual([]);
  });

  it('lists a VTI whose IKE fails (psk mismatch) with no SAs and any/any idents', () => {
    const lab = editConfig(sharedLab('vti-basic.json'), 'R2', (c) => c.replace('crypto isakmp key cisco123', 'crypto isakmp key wrong'));
    const net = build(lab);
    net.converge(30_000_000);
    const v = views(net, 'R1');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ interface: 'Tunnel0', cryptoMapTag: 'Tunnel0-head-0', outboundSpi: 0, encaps: 0, inbound: [], ipMtuIdb: 'GigabitEthernet1' });
    expect(v[0]!.localIdent).toEqual({ address: '0.0.0.0', mask: '0.0.0.0', protocol: 0, port: 0 });
  });
});

describe('show crypto map data for protected tunnels', () => {
  it('adds TunnelN-head-0: the profile template (65536) and the peer instance (65537) with the GRE proxy as its ACL', () => {
    const net = build(sharedLab('gre-over-ipsec-transport.json'));
    net.converge(30_000_000);
    const r1 = net.device('R1')!;
    const maps = cryptoMapViews(r1, vpnOf(r1)!).filter((m) => m.name.endsWith('-head-0'));
    expect(maps.map((m) => `${m.name} ${m.seq}`)).toEqual(['Tunnel0-head-0 65536', 'Tunnel0-head-0 65537']);
    expect(maps[0]).toMatchObject({ profileName: 'PROF', interfaces: [] });
    expect(maps[0]!.peer).toBeUndefined();
    expect(maps[1]).toMatchObject({ profileInstance: true, peer: '203.0.113.2', currentPeer: '203.0.113.2', interfaces: ['Tunnel0'] });
    expect(maps[1]!.acl!.lines).toEqual(['access-list  permit gre host 203.0.113.1 host 203.0.113.2']);
    expect(maps[1]!.transformSets.map((t) => t.mode)).toEqual(['transport']);
  });

  it('a VTI instance protects ip any any; a shut tunnel has no entries', () => {
    const net = build(sharedLab('vti-basic.json'));
    net.converge(30_000_000);
    const r1 = net.device('R1')!;
    expect(cryptoMapViews(r1, vpnOf(r1)!).find((m) => m.seq === 65537)!.acl!.lines).toEqual(['access-list  permit ip any any']);
    r1.config.interfaces.find((i) => i.name === 'Tunnel0')!.shutdown = true;
    r1.applyConfig();
    net.runFor(1_000_000);
    expect(cryptoMapViews(r1, vpnOf(r1)!)).toEqual([]);
  });
});
