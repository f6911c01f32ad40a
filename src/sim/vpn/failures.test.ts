// Every failure a learner can cause has a lab in ./labs, and each shows as IOS shows it (ISAKMP
// SA state, a %CRYPTO log line), loses every ping, and leaves a plain sentence in the trace at
// the router where it happens.
import { describe, expect, it } from 'vitest';
import { ip, ping, type Network } from '..';
import { build, ownLab } from './labs';
import { vpnOf } from './plugin';
import { isakmpSaViews } from './show';

interface Case {
  lab: string;
  /** Router whose ISAKMP SA table and log are checked. */
  at: string;
  states: RegExp;
  log?: RegExp;
  /** Where the plain explanation appears, and its words. */
  traceAt: string;
  trace: RegExp;
  /** Extra simulated seconds (retransmissions run out). */
  wait?: number;
}

const CASES: Case[] = [
  { lab: 'fail-no-policy.json', at: 'R1', states: /^MM_NO_STATE/, log: /%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed with peer at 203\.0\.113\.2/, traceAt: 'R2', trace: /none of this router's ISAKMP policies matches/ },
  { lab: 'fail-psk-mismatch.json', at: 'R1', states: /^MM_KEY_EXCH/, log: /%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 203\.0\.113\.2/, traceAt: 'R1', trace: /pre-shared keys differ/ },
  { lab: 'fail-no-key.json', at: 'R1', states: /^MM_NO_STATE/, log: /%CRYPTO-4-IKMP_NO_PRESHARED_KEY: Preshared key for remote peer at 203\.0\.113\.2 is missing/, traceAt: 'R1', trace: /no pre-shared key for peer 203\.0\.113\.2/ },
  { lab: 'fail-transform-mismatch.json', at: 'R1', states: /^QM_IDLE/, log: /Processing of Quick mode failed/, traceAt: 'R2', trace: /no transform set on this router .* matches/ },
  { lab: 'fail-proxy-mismatch.json', at: 'R1', states: /^QM_IDLE/, log: /Processing of Quick mode failed/, traceAt: 'R2', trace: /which no crypto map ACL or tunnel protection on this router mirrors/ },
  { lab: 'fail-peer-unreachable.json', at: 'R1', states: /^MM_NO_STATE/, traceAt: 'R1', trace: /192\.0\.2\.99/, wait: 120 },
  { lab: 'fail-esp-through-pat.json', at: 'R1', states: /^QM_IDLE/, traceAt: 'NAT1', trace: /PAT cannot translate ESP \(no ports\); NAT-T needed/ },
  { lab: 'fail-vti-no-protection.json', at: 'R1', states: /^$/, traceAt: 'R1', trace: /no route to 10\.2\.2\.10/ },
];

function run(c: Case): { net: Network; marks: string } {
  const net = build(ownLab(c.lab));
  net.converge(40_000_000);
  const h1 = net.device('H1')!;
  let marks = '';
  for (let k = 0; k < 2; k++) marks += ping(net, h1, { target: ip('10.2.2.10'), repeat: 5 }).replies.map((r) => r.mark).join('');
  if (c.wait) net.runFor(c.wait * 1_000_000);
  marks += ping(net, h1, { target: ip('10.2.2.10'), repeat: 5 }).replies.map((r) => r.mark).join('');
  return { net, marks };
}

describe('IPsec failures', () => {
  it.each(CASES)('$lab: IOS state, no ping gets through, the trace says why', (c) => {
    const { net, marks } = run(c);
    expect(marks).not.toContain('!');
    const dev = net.device(c.at)!;
    const rt = vpnOf(dev)!;
    const states = isakmpSaViews(dev, rt).map((r) => r.state).join(' ');
    expect(states).toMatch(c.states);
    if (c.log) expect(dev.logs.entries.map((e) => e.message).join('\n')).toMatch(c.log);
    const drops = net.trace.records.filter((r) => r.device === c.traceAt && r.point === 'Drop').map((r) => r.decision);
    expect(drops.join('\n')).toMatch(c.trace);
  });

  it('peer unreachable: main mode gives up after its retransmissions and says so', () => {
    const { net } = run(CASES.find((c) => c.lab === 'fail-peer-unreachable.json')!);
    const drops = net.trace.records.filter((r) => r.device === 'R1' && r.point === 'Drop' && /IKE with 192\.0\.2\.99 failed/.test(r.decision));
    expect(drops.length).toBeGreaterThan(0);
  });

  it('a working crypto-map lab passes the same checks the other way (the checks can fail)', () => {
    const net = build(ownLab('crypto-map-ospf.json'));
    net.converge(40_000_000);
    ping(net, net.device('H1')!, { target: ip('10.1.1.1'), repeat: 1 });
    ping(net, net.device('H2')!, { target: ip('10.2.2.1'), repeat: 1 });
    const m = ping(net, net.device('H1')!, { target: ip('10.2.2.10'), repeat: 5 }).replies.map((r) => r.mark).join('');
    expect(m).toBe('.!!!!');
  });
});
