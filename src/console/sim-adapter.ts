// The ConsoleDevice of a simulated device: src/sim's Device and Network behind the interface
// the console session uses. The engine's console-data views already have our show shapes.
import { arpViews, configureDevice, interfaceViews, ipRouteView, loggingView, ping, traceroute, type Device, type Network } from '../sim';
import type { ConsoleDevice } from './device';

/** The optional show methods a Device may grow (IKE, IPsec, NAT, OSPF); forwarded when present. */
const OPTIONAL = ['isakmpSas', 'ipsecSas', 'cryptoSessions', 'cryptoMaps', 'natTranslations', 'ospfNeighbors', 'ipProtocols', 'showText', 'clear', 'debug'] as const;

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
    ...extras,
  };
}
