// What every EXEC rule file shares: the context a command runs in, the rule shape, and the show
// helpers (device data through our formatter, else the engine's text, else a clear message).
import type { RuleSpec } from '../ios';
import type { ConsoleDevice } from './device';

export interface ExecContext {
  device: ConsoleDevice;
  /** Session hooks for mode changes and history. */
  session: {
    setLevel(level: 'user' | 'priv'): void;
    enterConfig(): void;
    history(): string[];
    debug(what: string, on: boolean): string;
    debugging(): string;
  };
}

export interface ExecData {
  /** Available from user EXEC too (else privileged only). */
  user?: boolean;
  run(ctx: ExecContext, args: Record<string, string>): string;
}

export type ExecRule = RuleSpec<ExecData>;

export const notYet = (what: string): string => `% ${what} is not available on this device yet\n`;

/** Device data through our formatter, else the engine's own text, else a clear message. */
export function viaDevice<T>(c: ExecContext, cmd: string, a: Record<string, string>, data: (() => T) | undefined, format: (d: T) => string, what: string): string {
  if (data) return format(data());
  return c.device.showText?.(cmd, a) ?? notYet(what);
}

export function rule(cmd: string, syntax: string, run: ExecData['run'], help: Record<string, string> = {}, user = false): ExecRule {
  return { cmd, syntax, help, negatable: false, data: { run, user } };
}

export const SHOW_HELP: Record<string, string> = {
  show: 'Show running system information',
  arp: 'ARP table',
  crypto: 'Encryption module',
  history: 'Display the session command history',
  interfaces: 'Interface status and configuration',
  ip: 'IP information',
  logging: 'Show the contents of logging buffers',
  'running-config': 'Current operating configuration',
  interface: 'IP interface status and configuration',
  brief: 'Brief summary of IP status and configuration',
  route: 'IP routing table',
  nat: 'IP NAT information',
  translations: 'Translation entries',
  verbose: 'Show extra information',
  ospf: 'OSPF information',
  neighbor: 'Neighbor list',
  protocols: 'IP routing protocol process parameters and statistics',
  isakmp: 'Show ISAKMP',
  ipsec: 'Show IPSEC policy',
  sa: 'IPSEC SA table',
  session: 'Show crypto sessions currently present',
  map: 'Crypto maps',
  detail: 'detail information',
  name: 'Interface name',
};
