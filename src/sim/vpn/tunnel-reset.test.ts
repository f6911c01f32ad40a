// A protected tunnel's crypto socket follows its configuration (IOS): changing tunnel mode,
// source/destination or protection deletes the SAs (Delete notify) and renegotiates with the new
// proxy identities; a VTI and a GRE end never agree (each responder accepts only its own
// identities); crypto map ACL edits leave existing SAs alone.
import { describe, expect, it } from 'vitest';
import { ip, ping, type Network } from '..';
import { build, editConfig, ownLab, sharedLab } from './labs';
import { vpnOf } from './plugin';
import { ipsecSaViews } from './show';

const marks = (net: Network, from: string, to: string) =>
  ping(net, net.device(from)!, { target: ip(to), repeat: 5 }).replies.map((r) => r.mark).join('');

const logs = (net: Network, dev: string) => net.device(dev)!.logs.entries.map((e) => e.message);

describe('changing a live protected tunnel', () => {
  it('renegotiates with gre host/host proxies after tunnel mode ipsec ipv4 is removed on both ends', () => {
    const net = build(sharedLab('vti-basic.json'));
    net.converge(30_000_000);
    const [r1, r2] = [net.device('R1')!, net.device('R2')!];
    const oldSpi = vpnOf(r1)!.sad.forPolicy('Tunnel0')!.outbound.spi;
    const peerOldSpi = vpnOf(r2)!.sad.forPolicy('Tunnel0')!.inbound.spi;
    expect(peerOldSpi).toBe(oldSpi);
    for (const r of [r1, r2]) {
      r.config.interfaces.find((i) => i.name === 'Tunnel0')!.tunnelMode = 'gre ip';
      r.applyConfig();
    }
    net.runFor(5_000_000);
    // The old pair is gone on both routers (R1 told R2 with a Delete notification).
    expect(logs(net, 'R1')).toContain('%CRYPTO-5-SESSION_STATUS: Crypto tunnel is DOWN. Peer 203.0.113.2:500       Id: 203.0.113.2');
    for (const r of [r1, r2]) expect(vpnOf(r)!.sad.bundles.map((b) => b.outbound.spi)).not.toContain(oldSpi);
    const v = ipsecSaViews(r1, vpnOf(r1)!);
    expect(v).toHaveLength(1);
    expect(v[0]!.localIdent).toEqual({ address: '203.0.113.1', mask: '255.255.255.255', protocol: 47, port: 0 });
    expect(v[0]!.remoteIdent).toEqual({ address: '203.0.113.2', mask: '255.255.255.255', protocol: 47, port: 0 });
    marks(net, 'H1', '10.2.2.10');
    expect(marks(net, 'H1', '10.2.2.10')).toBe('!!!!!');
    // GRE is what ESP now carries: the encrypted packets on R1 are GRE delivery packets.
    expect(net.trace.records.some((t) => t.device === 'R1' && /IPsec encryption of Tunnel0's GRE packet/.test(t.decision))).toBe(true);
  });

  it('renegotiates when the profile changes, and keeps the SAs when nothing relevant changes', () => {
    const net = build(sharedLab('vti-basic.json'));
    net.converge(30_000_000);
    const r1 = net.device('R1')!;
    const spi = () => vpnOf(r1)!.sad.forPolicy('Tunnel0')?.outbound.spi;
    const first = spi();
    r1.config.interfaces.find((i) => i.name === 'Tunnel0')!.description = 'to R2';
    r1.applyConfig();
    net.runFor(2_000_000);
    expect(spi()).toBe(first);
    r1.config.crypto.ipsecProfiles.push({ ...r1.config.crypto.ipsecProfiles[0]!, name: 'PROF2' });
    r1.config.interfaces.find((i) => i.name === 'Tunnel0')!.tunnelProtection = { profile: 'PROF2', shared: false };
    r1.applyConfig();
    net.runFor(5_000_000);
    expect(spi()).toBeDefined();
    expect(spi()).not.toBe(first);
    expect(r1.iface('Tunnel0')!.lineProtocol).toBe(true);
  });

  it('no tunnel protection deletes the SAs and takes the VTI down', () => {
    const net = build(sharedLab('vti-basic.json'));
    net.converge(30_000_000);
    const [r1, r2] = [net.device('R1')!, net.device('R2')!];
    delete r1.config.interfaces.find((i) => i.name === 'Tunnel0')!.tunnelProtection;
    r1.applyConfig();
    net.runFor(2_000_000);
    expect(vpnOf(r1)!.sad.bundles).toEqual([]);
    expect(vpnOf(r2)!.sad.bundles).toEqual([]);
    expect(r1.iface('Tunnel0')!.lineProtocol).toBe(false);
    expect(r2.iface('Tunnel0')!.lineProtocol).toBe(false);
  });

  it('keeps a crypto map entry SA when its ACL is edited (IOS does not reset it)', () => {
    const net = build(ownLab('crypto-map-ospf.json'));
    net.converge(40_000_000);
    marks(net, 'H1', '10.1.1.1');
    marks(net, 'H2', '10.2.2.1');
    marks(net, 'H1', '10.2.2.10');
    const r1 = net.device('R1')!;
    const before = vpnOf(r1)!.sad.bundles.map((b) => b.outbound.spi);
    expect(before).toHaveLength(1);
    const acl = r1.config.accessLists.find((l) => l.entries.some((e) => !('remark' in e)))!;
    acl.entries.push({ remark: 'edited' });
    r1.applyConfig();
    net.runFor(2_000_000);
    expect(vpnOf(r1)!.sad.bundles.map((b) => b.outbound.spi)).toEqual(before);
  });
});

describe('a GRE end facing a VTI end', () => {
  it('forms no IPsec SA: each responder refuses the other proxy identities, and R2 (VTI) stays line protocol down', () => {
    const lab = editConfig(sharedLab('vti-basic.json'), 'R1', (c) => c.replace(' tunnel mode ipsec ipv4\n', ''));
    const net = build(lab);
    net.converge(30_000_000);
    const [r1, r2] = [net.device('R1')!, net.device('R2')!];
    expect(vpnOf(r1)!.sad.bundles).toEqual([]);
    expect(vpnOf(r2)!.sad.bundles).toEqual([]);
    expect(r2.iface('Tunnel0')!.lineProtocol).toBe(false);
    for (const d of ['R1', 'R2']) {
      expect(logs(net, d).some((m) => m.startsWith('%CRYPTO-6-IKMP_MODE_FAILURE'))).toBe(true);
      expect(logs(net, d).some((m) => m.includes('Crypto tunnel is UP'))).toBe(false);
    }
    // The plain-words trace names the refusal at R2 (the VTI responder).
    expect(net.trace.records.some((t) => t.device === 'R2' && t.point === 'Drop' && /proxy identities 203\.0\.113\.1\/255\.255\.255\.255\/47\/0.*accepts only those \(an IPsec VTI/.test(t.decision))).toBe(true);
    expect(r2.iface('Tunnel0')!.downReason).toBe('transport reg down');
    expect(vpnOf(r2)!.lastFailure.get('Tunnel0')!.explanation).toMatch(/proxy identities/);
    expect(marks(net, 'H1', '10.2.2.10')).not.toContain('!');
  });
});
