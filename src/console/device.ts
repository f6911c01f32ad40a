// What a console session needs from the device it runs on. The simulation's device implements
// it (see sim-adapter.ts for the adapter over src/sim's Network and Device); tests use a fake.
// Everything is synchronous: ping runs the simulation forward inside the call.
import type { ApplyResult, ConfigAction, IosConfig } from '../ios';
import type { PingOptions, PingReport, TracerouteOptions, TracerouteReport } from '../sim';
import type { ArpRow, InterfaceDetail, InterfaceStatus, IpRouteData, LoggingData } from './show/types';
import type { CryptoMapData, IpsecSaData, IsakmpSaRow, CryptoSessionData } from './show/crypto-types';
import type { NatTranslationRow, OspfNeighborRow, IpProtocolsData, OspfDatabaseView, OspfInterfaceView, OspfProcessView } from './show/other-types';

export type { PingOptions, PingReport, TracerouteOptions, TracerouteReport };

export interface ConsoleDevice {
  readonly kind: 'router' | 'host' | 'nat';
  /** The live running config (read it; change it only through configure). */
  config(): IosConfig;
  /**
   * Applies one configuration action to the live device: the device applies it to its model
   * (src/ios applyAction) and reacts (interface state, routes, tunnels), logging as IOS does.
   */
  configure(action: ConfigAction): ApplyResult;
  /** Lines IOS printed on this console since the last call (log messages with timestamps). */
  drainConsole(): string[];
  /** Logs a message as this device (timestamped, buffered, shown on the console). */
  log(message: string): void;
  ping(options: PingOptions): PingReport;
  traceroute(options: TracerouteOptions): TracerouteReport;

  // Show data, as plain objects the formatters print.
  interfaces(): InterfaceDetail[];
  ipRoute(): IpRouteData;
  arp(): ArpRow[];
  logging(): LoggingData;
  /** Optional until the IPsec/NAT/OSPF engine provides them; the console says so when absent. */
  isakmpSas?(): IsakmpSaRow[];
  ipsecSas?(): IpsecSaData[];
  cryptoSessions?(): CryptoSessionData[];
  cryptoMaps?(): CryptoMapData[];
  natTranslations?(): NatTranslationRow[];
  ospfNeighbors?(): OspfNeighborRow[];
  ipProtocols?(): IpProtocolsData;
  /** `show ip ospf interface [brief]`: every OSPF interface, down ones included. */
  ospfInterfaces?(): OspfInterfaceView[];
  /** `show ip ospf database`: one entry per OSPF process. */
  ospfDatabase?(): OspfDatabaseView[];
  /** `show ip ospf`: one entry per OSPF process. */
  ospfProcesses?(): OspfProcessView[];
  /**
   * The device's clock: simulated microseconds since it booted (`show clock`, `show version`
   * uptime), the same clock as its log timestamps. Absent: the console reports time 0.
   */
  clock?(): number;
  /**
   * Show output the engine formats itself (e.g. IKE or NAT tables), by show rule id such as
   * `show.crypto-isakmp-sa`; used when the matching data method above is absent.
   */
  showText?(cmd: string, args: Record<string, string>): string | undefined;
  /**
   * `debug crypto isakmp` / `undebug all`: which debug output the device prints on this console.
   * `what` is the debug name (`crypto isakmp`, `crypto ipsec`, `ip ospf adj`, ...) or `all`.
   */
  debug?(what: string, on: boolean): void;
  /** `clear ip nat translation *`, `clear crypto sa`, ... : true when handled. */
  clear?(what: string): boolean;
}

export type { InterfaceStatus };
