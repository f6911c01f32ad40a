// Commands learners type out of habit that change nothing the simulation models
// (`no ip domain lookup`, `banner motd ...`, `no ip redirects`, `log-adjacency-changes`). The
// console accepts them as IOS does and keeps them verbatim in the running-config (top level, or
// in the section's extra lines); a config file keeps them as unsupported lines like any other
// line the model does not know (parse.ts).
import type { ConfigAction, ConfigMode } from '../actions';
import type { IosConfig } from '../model';
import { sectionExtra } from '../section-extra';
import { rule, type ConfigRule } from './common';

interface Inert {
  /** Default: global configuration. */
  mode?: ConfigMode;
  syntax: string;
  /** The line as running-config writes it. */
  text(a: ConfigAction): string;
  /** The start every version of this line shares (a new `enable secret` replaces the old one); default: the text. */
  key?(a: ConfigAction): string;
  /** On by default: the positive form is not written, only its `no` form. */
  defaultOn?: boolean;
  help: Record<string, string>;
}

const INERT: Inert[] = [
  { syntax: 'ip domain lookup', text: () => 'ip domain lookup', defaultOn: true, help: { domain: 'IP DNS Resolver', lookup: 'Enable IP Domain Name System hostname translation' } },
  { syntax: 'ip domain-lookup', text: () => 'ip domain lookup', defaultOn: true, help: { 'domain-lookup': 'Enable IP Domain Name System hostname translation' } },
  { syntax: 'ip domain name <word:domain>', text: (a) => `ip domain name ${a.args.domain ?? ''}`.trim(), key: () => 'ip domain name', help: { name: 'Define the default domain name', domain: 'Default domain name' } },
  { syntax: 'ip cef', text: () => 'ip cef', defaultOn: true, help: { cef: 'Cisco Express Forwarding' } },
  { syntax: 'ip http server', text: () => 'ip http server', help: { http: 'HTTP server configuration', server: 'Enable HTTP server' } },
  { syntax: 'service password-encryption', text: () => 'service password-encryption', help: { service: 'Modify use of network based services', 'password-encryption': 'Encrypt system passwords' } },
  { syntax: 'enable {secret|password}:kind <line:secret>', text: (a) => `enable ${a.args.kind} ${a.args.secret ?? ''}`.trim(), key: (a) => `enable ${a.args.kind}`, help: { enable: 'Modify enable password parameters', secret: 'Assign the privileged level secret', password: 'Assign the privileged level password' } },
  { syntax: 'banner motd <line:banner>', text: (a) => `banner motd ${a.args.banner ?? ''}`.trim(), key: () => 'banner motd', help: { banner: 'Define a login banner', motd: 'Set Message of the Day banner' } },
  { syntax: 'logging buffered [<4096-2147483647:size>]', text: (a) => `logging buffered${a.args.size ? ` ${a.args.size}` : ''}`, key: () => 'logging buffered', help: { logging: 'Modify message logging facilities', buffered: 'Set buffered logging parameters' } },
  { syntax: 'username <word:user> <line:rest>', text: (a) => `username ${a.args.user} ${a.args.rest ?? ''}`.trim(), key: (a) => `username ${a.args.user} `, help: { username: 'Establish User Name Authentication' } },
];

const IF = 'config-if' as const;
const ROUTER = 'config-router' as const;
const same = (w: string) => () => w;

const SUBMODE_INERT: Inert[] = [
  { mode: IF, syntax: 'ip virtual-reassembly [{in|out}:dir]', text: (a) => `ip virtual-reassembly${a.args.dir ? ` ${a.args.dir}` : ''}`, key: same('ip virtual-reassembly'), help: { 'virtual-reassembly': 'Virtual Reassembly' } },
  { mode: IF, syntax: 'ip redirects', text: same('ip redirects'), defaultOn: true, help: { redirects: 'Enable sending ICMP Redirect messages' } },
  { mode: IF, syntax: 'ip unreachables', text: same('ip unreachables'), defaultOn: true, help: { unreachables: 'Enable sending ICMP Unreachable messages' } },
  { mode: IF, syntax: 'ip proxy-arp', text: same('ip proxy-arp'), defaultOn: true, help: { 'proxy-arp': 'Enable proxy ARP' } },
  { mode: IF, syntax: 'cdp enable', text: same('cdp enable'), defaultOn: true, help: { cdp: 'CDP interface subcommands', enable: 'Enable CDP on interface' } },
  { mode: IF, syntax: 'mop enabled', text: same('mop enabled'), defaultOn: true, help: { mop: 'DEC MOP server commands', enabled: 'Enable MOP for interface' } },
  { mode: IF, syntax: 'negotiation auto', text: same('negotiation auto'), help: { negotiation: 'Select Autonegotiation mode', auto: 'Enable link autonegotiation' } },
  { mode: IF, syntax: 'duplex {auto|full|half}:d', text: (a) => `duplex ${a.args.d ?? 'auto'}`, key: same('duplex'), help: { duplex: 'Configure duplex operation.' } },
  { mode: IF, syntax: 'speed {10|100|1000|auto}:s', text: (a) => `speed ${a.args.s ?? 'auto'}`, key: same('speed'), help: { speed: 'Configure speed operation.' } },
  { mode: IF, syntax: 'bandwidth <1-10000000:kbps>', text: (a) => `bandwidth ${a.args.kbps ?? ''}`.trim(), key: same('bandwidth'), help: { bandwidth: 'Set bandwidth informational parameter', kbps: 'Bandwidth in kilobits' } },
  { mode: IF, syntax: 'keepalive [<0-32767:seconds>]', text: (a) => `keepalive${a.args.seconds ? ` ${a.args.seconds}` : ''}`, key: same('keepalive'), help: { keepalive: 'Enable keepalive' } },
  { mode: ROUTER, syntax: 'log-adjacency-changes [detail]:detail', text: (a) => `log-adjacency-changes${a.args.detail ? ' detail' : ''}`, key: same('log-adjacency-changes'), help: { 'log-adjacency-changes': 'Log changes in adjacency state' } },
  { mode: ROUTER, syntax: 'default-information originate [always]:always', text: (a) => `default-information originate${a.args.always ? ' always' : ''}`, key: same('default-information'), help: { 'default-information': 'Control distribution of default information', originate: 'Distribute a default route' } },
  { mode: ROUTER, syntax: 'auto-cost reference-bandwidth <1-4294967:mbps>', text: (a) => `auto-cost reference-bandwidth ${a.args.mbps ?? ''}`.trim(), key: same('auto-cost'), help: { 'auto-cost': 'Calculate OSPF interface cost according to bandwidth' } },
  { mode: ROUTER, syntax: 'redistribute {static|connected}:what [subnets]:subnets', text: (a) => `redistribute ${a.args.what}${a.args.subnets ? ' subnets' : ''}`, key: (a) => `redistribute ${a.args.what ?? ''}`.trim(), help: { redistribute: 'Redistribute information from another routing protocol' } },
  { mode: ROUTER, syntax: 'maximum-paths <1-32:paths>', text: (a) => `maximum-paths ${a.args.paths ?? ''}`.trim(), key: same('maximum-paths'), help: { 'maximum-paths': 'Forward packets over multiple paths' } },
];

function applyInert(inert: Inert) {
  return (c: IosConfig, a: ConfigAction): void => {
    const text = inert.text(a);
    const key = inert.key?.(a) ?? text;
    // Drop the line and its opposite, then write what running-config would show now.
    const stale = (l: string): boolean => l.startsWith(key) || l.startsWith(`no ${key}`);
    const line = a.no ? (inert.defaultOn ? `no ${text}` : undefined) : inert.defaultOn ? undefined : text;
    if ((inert.mode ?? 'config') === 'config') {
      c.unknown = c.unknown.filter((b) => !(b.lines.length === 1 && stale(b.lines[0]!)));
      if (line) c.unknown.push({ after: 'hostname', lines: [line] });
      return;
    }
    const extra = sectionExtra(c, a.mode, a.context);
    if (!extra) return;
    const kept = extra.filter((l) => !stale(l));
    extra.splice(0, extra.length, ...kept, ...(line ? [line] : []));
  };
}

const slug = (i: Inert): string => `inert.${i.mode ?? 'config'}.${i.syntax.split(' ').filter((w) => /^[a-z]/.test(w)).join('-')}`;
const words = (i: Inert): number => i.syntax.split(' ').filter((w) => !/[<[{]/.test(w)).length;

export const inertRules: ConfigRule[] = [...INERT, ...SUBMODE_INERT].map((i) => rule(i.mode ?? 'config', slug(i), i.syntax, applyInert(i), { help: i.help, noMin: words(i) }));
