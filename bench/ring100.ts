// 100 routers in a ring with static routes: build, converge, ping end to end (both ways round)
// and traceroute half way. Prints wall time and events per second. Run: npx tsx bench/ring100.ts
import { parseConfig } from '../src/ios';
import { Network, ip, ping, traceroute } from '../src/sim';
import { ringLab, ringLoopback } from '../src/sim/testlabs/ring';

const N = Number(process.argv[2] ?? 100);
const ms = (t: number) => `${t.toFixed(1)} ms`;

const t0 = performance.now();
const lab = ringLab(N);
const net = Network.fromLab(lab, { parseConfig: (t) => parseConfig(t).config, keepTrace: false });
const t1 = performance.now();
net.converge();
const t2 = performance.now();
const eventsAfterConverge = net.scheduler.executed;

const r0 = net.device('R0')!;
const results: string[] = [];
for (const target of [Math.floor(N / 2), N - 1, 1]) {
  const r = ping(net, r0, { target: ip(ringLoopback(target)), source: 'Loopback0', repeat: 5 });
  const r2 = ping(net, r0, { target: ip(ringLoopback(target)), source: 'Loopback0', repeat: 5 });
  results.push(`R0 -> R${target} (${ringLoopback(target)}): ${r.replies.map((x) => x.mark).join('')} then ${r2.replies.map((x) => x.mark).join('')} (${r2.successRate}%, rtt ${r2.rttMs?.avg ?? '-'} ms simulated)`);
}
const tr = traceroute(net, r0, { target: ip(ringLoopback(Math.floor(N / 4))), source: 'Loopback0' });
const t3 = performance.now();

const events = net.scheduler.executed;
console.log(`ring of ${N} routers, static routes (${lab.devices.reduce((n, d) => n + (d.config.match(/^ip route/gm)?.length ?? 0), 0)} in all)`);
console.log(`  build (parse ${N} configs, cable ${lab.links.length} links): ${ms(t1 - t0)}`);
console.log(`  converge (interfaces up, routes, next-hop ARP): ${ms(t2 - t1)}, ${eventsAfterConverge} events`);
for (const line of results) console.log(`  ${line}`);
console.log(`  traceroute R0 -> R${Math.floor(N / 4)}: ${tr.hops.length} hops, reached ${tr.reached}`);
console.log(`  wall time total: ${ms(t3 - t0)}; ${events} events, ${Math.round(events / ((t3 - t1) / 1000))} events/s (after build)`);
console.log(`  simulated time: ${(net.now / 1e6).toFixed(3)} s; frames captured: ${net.capture.length}`);
const ok = results.every((l) => l.includes('(100%'));
if (!ok || !tr.reached) {
  console.error('ring100: end-to-end ping FAILED');
  process.exit(1);
}
