// 100 routers in a ring with static routes: build, converge, ping end to end (both ways round)
// and traceroute a quarter of the way. Prints wall time and events per second, for a cold run
// (JIT warming up) and two warm runs; CPU time beside wall time, since a busy machine inflates
// the wall clock. Run: npx tsx bench/ring100.ts [N]
import { parseConfig } from '../src/ios';
import { Network, ip, ping, traceroute } from '../src/sim';
import { ringLab, ringLoopback } from '../src/sim/testlabs/ring';

const N = Number(process.argv[2] ?? 100);
const ms = (t: number) => `${t.toFixed(1)} ms`;

function runOnce(label: string): boolean {
  const t0 = performance.now();
  const lab = ringLab(N);
  const net = Network.fromLab(lab, { parseConfig: (t) => parseConfig(t).config, keepTrace: false });
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  net.converge();
  const cpu1 = process.cpuUsage(cpu0);
  const t2 = performance.now();
  const convergeEvents = net.scheduler.executed;
  const r0 = net.device('R0')!;
  const results: string[] = [];
  let ok = true;
  for (const target of [Math.floor(N / 2), N - 1, 1]) {
    const first = ping(net, r0, { target: ip(ringLoopback(target)), source: 'Loopback0', repeat: 5 });
    const again = ping(net, r0, { target: ip(ringLoopback(target)), source: 'Loopback0', repeat: 5 });
    ok &&= again.successRate === 100;
    results.push(`R0 -> R${target}: ${first.replies.map((x) => x.mark).join('')} then ${again.replies.map((x) => x.mark).join('')} (${again.successRate}%, ${again.rttMs?.avg ?? '-'} ms simulated)`);
  }
  const tr = traceroute(net, r0, { target: ip(ringLoopback(Math.floor(N / 4))), source: 'Loopback0' });
  ok &&= tr.reached && tr.hops.length === Math.floor(N / 4);
  const t3 = performance.now();
  const cpuAll = process.cpuUsage(cpu0);
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  const trafficEvents = net.scheduler.executed - convergeEvents;
  console.log(`${label}: build ${ms(t1 - t0)} | converge ${ms(t2 - t1)} (cpu ${ms(cpuMs(cpu1))}, ${convergeEvents} events) | pings+traceroute ${ms(t3 - t2)} (cpu ${ms(cpuMs(cpuAll) - cpuMs(cpu1))}, ${trafficEvents} events, ${Math.round(trafficEvents / ((t3 - t2) / 1000))} events/s wall, ${Math.round(trafficEvents / ((cpuMs(cpuAll) - cpuMs(cpu1)) / 1000))} per cpu second) | total ${ms(t3 - t0)}`);
  for (const r of results) console.log(`    ${r}`);
  console.log(`    traceroute R0 -> R${Math.floor(N / 4)}: ${tr.hops.length} hops, reached ${tr.reached}; simulated ${(net.now / 1e6).toFixed(2)} s`);
  return ok;
}

const statics = ringLab(N).devices.reduce((n, d) => n + (d.config.match(/^ip route/gm)?.length ?? 0), 0);
console.log(`ring of ${N} routers, ${N} links, ${statics} static routes (wall time, Node ${process.version})`);
let ok = true;
for (const label of ['cold', 'warm', 'warm']) ok = runOnce(label) && ok;
if (!ok) {
  console.error('ring100: end-to-end ping or traceroute FAILED');
  process.exit(1);
}
