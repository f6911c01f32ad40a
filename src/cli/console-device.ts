// The console's view of a simulated device: src/console's ConsoleDevice over src/sim's Device
// and Network (sim may not import console, so the adapter lives here, above both). Ping and
// traceroute run the network forward inside the call.
import type { ApplyResult, ConfigAction, IosConfig } from '../ios';
import type { ConsoleDevice } from '../console/device';
import {
  arpViews, configureDevice, interfaceViews, ipRouteView, loggingView, ping, traceroute,
  type Device, type Network, type PingOptions, type PingReport, type TracerouteOptions, type TracerouteReport,
} from '../sim';

export class SimConsoleDevice implements ConsoleDevice {
  constructor(
    readonly net: Network,
    readonly device: Device,
  ) {}

  get kind(): Device['kind'] {
    return this.device.kind;
  }

  config(): IosConfig {
    return this.device.config;
  }

  configure(action: ConfigAction): ApplyResult {
    return configureDevice(this.device, action);
  }

  drainConsole(): string[] {
    return this.device.drainConsole();
  }

  log(message: string): void {
    this.device.log(message);
  }

  ping(options: PingOptions): PingReport {
    return ping(this.net, this.device, options);
  }

  traceroute(options: TracerouteOptions): TracerouteReport {
    return traceroute(this.net, this.device, options);
  }

  interfaces(): ReturnType<ConsoleDevice['interfaces']> {
    return interfaceViews(this.device);
  }

  ipRoute(): ReturnType<ConsoleDevice['ipRoute']> {
    return ipRouteView(this.device);
  }

  arp(): ReturnType<ConsoleDevice['arp']> {
    return arpViews(this.device);
  }

  logging(): ReturnType<ConsoleDevice['logging']> {
    return loggingView(this.device);
  }
}
