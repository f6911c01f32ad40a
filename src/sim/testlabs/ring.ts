// A generated lab: N routers in a ring, each with a loopback, joined by /30 links, with static
// routes to every other loopback the short way round and a clockwise summary for the links.
// Used by bench/ring100.ts and its correctness test.
import type { TopologySpec } from '../network';

export const ringLoopback = (i: number): string => `172.16.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const linkNet = (i: number): [string, string] => [`10.${Math.floor(i / 64)}.${(i % 64) * 4}.1`, `10.${Math.floor(i / 64)}.${(i % 64) * 4}.2`];

export function ringLab(n: number, seed = 1): TopologySpec {
  const devices = [];
  const links = [];
  for (let i = 0; i < n; i++) {
    const next = (i + 1) % n;
    const prev = (i + n - 1) % n;
    const [mine] = linkNet(i); // this router's Gi1 towards `next`
    const [, fromPrev] = linkNet(prev); // this router's Gi2 towards `prev`
    const clockwise = linkNet(i)[1];
    const counter = linkNet(prev)[0];
    const lines = [
      `hostname R${i}`,
      '!',
      'interface Loopback0',
      ` ip address ${ringLoopback(i)} 255.255.255.255`,
      '!',
      'interface GigabitEthernet1',
      ` ip address ${mine} 255.255.255.252`,
      '!',
      'interface GigabitEthernet2',
      ` ip address ${fromPrev} 255.255.255.252`,
      '!',
      `ip route 10.0.0.0 255.0.0.0 ${clockwise}`,
    ];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const ahead = (j - i + n) % n;
      lines.push(`ip route ${ringLoopback(j)} 255.255.255.255 ${ahead <= n / 2 ? clockwise : counter}`);
    }
    devices.push({ name: `R${i}`, kind: 'router' as const, config: `${lines.join('\n')}\n` });
    links.push({ a: `R${i} GigabitEthernet1`, b: `R${next} GigabitEthernet2` });
  }
  return { seed, devices, links };
}
