// The ConsoleDevice of a simulated device: src/sim's Device and Network behind the interface
// the console session uses. The engine's console-data views already have our show shapes.
import { arpViews, configureDevice, interfaceViews, ipRouteView, loggingView, ping, traceroute, type Device, type Network } from '../sim';
import type { ConsoleDevice } from './device';
import { createConsole, type Console } from './session';

/** The optional show methods a Device may grow (IKE, IPsec, NAT, OSPF); forwarded when present. */
const OPTIONAL = ['isakmpSas', 'ipsecSas', 'cryptoSessions', 'cryptoMaps', 'natTranslations', 'ospfNeighbors', 'ipProtocols', 'ospfInterfaces', 'ospfDatabase', 'ospfProcesses', 'showText', 'clear', 'debug'] as const;

/**
 * `extras` adds or overrides show data (e.g. `ipsecSas` from an IPsec plugin) for callers that
 * hold engines the Device does not expose.
 */
export function simConsoleDevice(net: Network, dev: Device, extras: Partial<ConsoleDevice> = {}): ConsoleDevice {
  const extra: Partial<ConsoleDevice> = {};
  const d = dev as unknown as Record<string, unknown>;
  for (const name of OPTIONAL) {
    const fn = d[name];
    if (typeof fn === 'function') (extra as Record<string, unknown>)[name] = (fn as (...a: unknown[]) => unknown).bind(dev);
  }
  return {
    ...extra,
    kind: dev.kind,
    config: () => dev.config,
    configure: (action) => configureDevice(dev, action),
    drainConsole: () => dev.drainConsole(),
    log: (message) => dev.log(message),
    ping: (o) => ping(net, dev, o),
    traceroute: (o) => traceroute(net, dev, o),
    interfaces: () => interfaceViews(dev),
    ipRoute: () => ipRouteView(dev),
    arp: () => arpViews(dev),
    logging: () => loggingView(dev),
    // Devices boot with the network at simulated time 0, as their log timestamps count.
    clock: () => dev.now,
    ...extras,
  };
}

/**
 * One privileged console per device of a running network, opened on first use. Boot messages
 * the device printed before are dropped, as for a learner attaching to a running router (they
 * stay in `show logging`). Undefined for a device the network does not have.
 */
export function networkConsoles(net: Network): (device: string) => Console | undefined {
  const consoles = new Map<string, Console>();
  return (device) => {
    let c = consoles.get(device);
    if (!c) {
      const dev = net.device(device);
      if (!dev) return undefined;
      dev.drainConsole();
      c = createConsole(simConsoleDevice(net, dev), { privileged: true });
      consoles.set(device, c);
    }
    return c;
  };
}
