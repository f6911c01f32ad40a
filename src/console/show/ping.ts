// ping and traceroute output as IOS prints it.
import { formatIp } from '../../sim';
import type { PingReport, TracerouteReport } from '../../sim';
import { padStart } from './format-utils';

export function formatPing(r: PingReport, opts: { df?: boolean; sourceGiven?: boolean } = {}): string {
  const out = ['Type escape sequence to abort.', `Sending ${r.repeat}, ${r.size}-byte ICMP Echos to ${formatIp(r.target)}, timeout is ${r.timeout} seconds:`];
  if (r.error) return out.slice(0, 1).concat(r.error).join('\n') + '\n';
  if (r.source !== undefined) out.push(`Packet sent with a source address of ${formatIp(r.source)} `);
  if (opts.df) out.push('Packet sent with the DF bit set');
  const marks = r.replies.map((x) => x.mark).join('');
  // IOS wraps the mark line every 70 characters.
  for (let i = 0; i < marks.length; i += 70) out.push(marks.slice(i, i + 70));
  if (r.received > 0 && r.rttMs) {
    out.push(`Success rate is ${r.successRate} percent (${r.received}/${r.repeat}), round-trip min/avg/max = ${r.rttMs.min}/${r.rttMs.avg}/${r.rttMs.max} ms`);
  } else out.push(`Success rate is ${r.successRate} percent (${r.received}/${r.repeat})`);
  return out.join('\n') + '\n';
}

export function formatTraceroute(r: TracerouteReport): string {
  const out = ['Type escape sequence to abort.', `Tracing the route to ${formatIp(r.target)}`, 'VRF info: (vrf in name/id, vrf out name/id)'];
  if (r.error) return [out[0], r.error].join('\n') + '\n';
  for (const hop of r.hops) {
    let line = padStart(String(hop.ttl), 3);
    let last: number | undefined;
    for (const p of hop.probes) {
      if (p.from === undefined) {
        line += ' * ';
        continue;
      }
      if (p.from !== last) line += ` ${formatIp(p.from)}`;
      last = p.from;
      line += ` ${Math.round((p.rtt ?? 0) / 1000)} msec`;
      if (p.marker) line += ` ${p.marker}`;
    }
    out.push(line);
  }
  return out.join('\n') + '\n';
}
