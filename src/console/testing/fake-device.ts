// A ConsoleDevice over a bare config model, for session tests that need no simulation: it applies
// actions with src/ios and reports interface state from the config alone.
import { applyAction, emptyConfig, parseConfig, type ConfigAction, type IosConfig } from '../../ios';
import type { ConsoleDevice, PingOptions, PingReport } from '../device';

export interface FakeDevice extends ConsoleDevice {
  logs: string[];
  actions: ConfigAction[];
  pings: PingOptions[];
}

export function fakeDevice(configText?: string): FakeDevice {
  const config: IosConfig = configText ? parseConfig(configText).config : emptyConfig('R1');
  const pending: string[] = [];
  const dev: FakeDevice = {
    kind: 'router',
    logs: [],
    actions: [],
    pings: [],
    config: () => config,
    configure(action) {
      dev.actions.push(structuredClone(action));
      const before = structuredClone(config);
      const r = applyAction(config, action);
      for (const i of config.interfaces) {
        const was = before.interfaces.find((b) => b.name === i.name);
        if (was && was.shutdown !== i.shutdown) {
          dev.log(i.shutdown ? `%LINK-5-CHANGED: Interface ${i.name}, changed state to administratively down` : `%LINK-3-UPDOWN: Interface ${i.name}, changed state to up`);
        }
      }
      return r;
    },
    drainConsole: () => pending.splice(0),
    log(message) {
      const line = `*Mar  1 00:00:01.000: ${message}`;
      dev.logs.push(line);
      pending.push(line);
    },
    ping(o): PingReport {
      dev.pings.push(o);
      const replies = Array.from({ length: o.repeat ?? 5 }, (_, seq) => ({ seq, mark: seq === 0 ? ('.' as const) : ('!' as const), rtt: 1000 }));
      const received = replies.filter((r) => r.mark === '!').length;
      return { target: o.target, size: o.size ?? 100, repeat: o.repeat ?? 5, timeout: o.timeout ?? 2, replies, received, successRate: Math.floor((100 * received) / replies.length), rttMs: { min: 1, avg: 1, max: 1 } };
    },
    traceroute: (o) => ({ target: o.target, hops: [], reached: false }),
    interfaces: () =>
      config.interfaces.map((i) => ({
        name: i.name,
        ...(i.ipAddress ? { ipAddress: i.ipAddress.address } : {}),
        method: i.ipAddress ? 'NVRAM' : 'unset',
        status: i.shutdown ? 'administratively down' : 'up',
        protocol: i.shutdown ? 'down' : 'up',
        kind: i.name.startsWith('Tunnel') ? 'tunnel' : i.name.startsWith('Loopback') ? 'loopback' : 'ethernet',
        mtu: 1500,
        lastInput: 'never',
        lastOutput: 'never',
        counters: { inputPackets: 0, inputBytes: 0, outputPackets: 0, outputBytes: 0, inputDrops: 0, outputDrops: 0, broadcasts: 0, multicasts: 0 },
      })),
    ipRoute: () => ({ routing: config.ipRouting, routes: [] }),
    arp: () => [],
    logging: () => ({ lines: dev.logs }),
  };
  return dev;
}
