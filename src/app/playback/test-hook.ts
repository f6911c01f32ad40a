// A hook for the frame-rate bench and the e2e: read playback state, and animate N packets on the
// current lab's links (a synthetic timeline that loops: rendering cost, not engine output).
import { useLab } from '../state/lab-store';
import { clock } from './clock';
import { usePlayback } from './playback-store';
import type { TraceRecord } from '../../sim';

export interface PlaybackHook {
  state(): { records: number; beat: number; position: number; playing: boolean; selected: number | null };
  /** Puts `n` frames on `n` links at once, over and over, for `rounds` rounds; returns the number of transits. */
  animateSynthetic(n: number, rounds?: number): number;
}

export function syntheticRecords(links: ReadonlyArray<{ a: string; b: string }>, n: number, rounds: number): TraceRecord[] {
  const records: TraceRecord[] = [];
  const protocols = ['ICMP', 'GRE', 'ESP', 'UDP-ESP', 'ISAKMP', 'OSPF', 'ARP'];
  for (let round = 0; round < rounds; round++) {
    const time = round * 1000;
    const txs: Array<{ device: string; iface: string; peer: string; peerIface: string; id: number }> = [];
    for (let k = 0; k < n && links.length > 0; k++) {
      const link = links[(k + round * n) % links.length]!;
      const [ad, ai] = link.a.split(' ') as [string, string];
      const [bd, bi] = link.b.split(' ') as [string, string];
      const forward = (k + round) % 2 === 0;
      txs.push(forward ? { device: ad, iface: ai, peer: bd, peerIface: bi, id: round * n + k + 1 } : { device: bd, iface: bi, peer: ad, peerIface: ai, id: round * n + k + 1 });
    }
    for (const t of txs) records.push({ seq: records.length, time, device: t.device, point: 'Tx', packetId: t.id, egress: t.iface, decision: 'synthetic frame', protocol: protocols[t.id % protocols.length]! });
    for (const t of txs) records.push({ seq: records.length, time: time + 500, device: t.peer, point: 'Rx', packetId: t.id, ingress: t.peerIface, decision: 'synthetic frame', protocol: protocols[t.id % protocols.length]! });
  }
  return records;
}

export function installPlaybackHook(): void {
  const hook: PlaybackHook = {
    state: () => {
      const s = usePlayback.getState();
      return { records: s.timeline?.records.length ?? 0, beat: s.beat, position: clock.position, playing: s.playing, selected: s.selected };
    },
    animateSynthetic: (n, rounds = 200) => {
      const links = useLab.getState().lab.links;
      const records = syntheticRecords(links, n, rounds);
      usePlayback.getState().load({ request: { kind: 'ping', source: 'synthetic', destination: '', count: n, size: 0 }, summary: [`${n} synthetic packets`], espSa: [], target: 'synthetic' }, records, links, { autoplay: true });
      return usePlayback.getState().timeline?.transits.length ?? 0;
    },
  };
  (window as unknown as { __tunnelscopePlayback?: PlaybackHook }).__tunnelscopePlayback = hook;
}
