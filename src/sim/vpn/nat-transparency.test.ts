// `no crypto ipsec nat-transparency udp-encapsulation` is read from the config model (a known
// command, not an unknown line): with it, IKE sends no NAT-D payloads, ESP goes raw, and a PAT
// box drops it. The positive form (the default) keeps NAT-T working through the same PAT.
import { describe, expect, it } from 'vitest';
import { ip, ping, type Network } from '..';
import { build, editConfig, ownLab } from './labs';
import { vpnOf } from './plugin';

const marks = (net: Network) => {
  let m = '';
  for (let k = 0; k < 2; k++) m += ping(net, net.device('H1')!, { target: ip('10.2.2.10'), repeat: 5 }).replies.map((r) => r.mark).join('');
  return m;
};

describe('NAT transparency on and off', () => {
  it('NAT-T on (default): ESP rides in UDP 4500 through PAT', () => {
    const net = build(ownLab('nat-t-pat.json'));
    net.converge(40_000_000);
    expect(marks(net)).toMatch(/!!!!!$/);
    expect(vpnOf(net.device('R1')!)!.sad.bundles[0]!.pair.udpEncap).toBeDefined();
  });

  it('NAT-T off in the config: raw ESP, dropped at the PAT box with the reason', () => {
    const lab = editConfig(ownLab('nat-t-pat.json'), 'R1', (c) => c.replace('hostname R1\n', 'hostname R1\n!\nno crypto ipsec nat-transparency udp-encapsulation\n'));
    const net = build(lab);
    expect(net.device('R1')!.config.crypto.natTransparencyOff).toBe(true);
    expect(net.device('R1')!.config.unknown).toEqual([]);
    net.converge(40_000_000);
    expect(marks(net)).not.toContain('!');
    expect(vpnOf(net.device('R1')!)!.sad.bundles.every((b) => b.pair.udpEncap === undefined)).toBe(true);
    const drops = net.trace.records.filter((r) => r.device === 'NAT1' && r.point === 'Drop').map((r) => r.decision);
    expect(drops.join('\n')).toMatch(/PAT cannot translate ESP \(no ports\); NAT-T needed/);
  });

  it('NAT-T turned off on a running router applies to the next negotiation', () => {
    const net = build(ownLab('nat-t-pat.json'));
    net.converge(40_000_000);
    const r1 = net.device('R1')!;
    r1.config.crypto.natTransparencyOff = true;
    r1.applyConfig();
    expect(vpnOf(r1)!.clear('crypto session')).toBe(true);
    net.runFor(20_000_000);
    expect(marks(net)).not.toContain('!');
    expect(net.trace.records.some((r) => r.device === 'NAT1' && r.point === 'Drop' && /PAT cannot translate ESP/.test(r.decision))).toBe(true);
  });
});
