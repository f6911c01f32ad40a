// EXEC-mode commands (user `>` and privileged `#`) declared as data with the same grammar engine
// the configuration uses: show, ping, traceroute, enable/disable, configure, clear, debug.
import { Grammar, interfaceBlock } from '../ios';
import { parseIp } from '../sim';
import { InvalidArgument } from './errors';
import { CRYPTO_SHOW_RULES } from './exec-crypto';
import { type ExecContext, type ExecRule, notYet, rule, SHOW_HELP, viaDevice } from './exec-rule';

export type { ExecContext, ExecData } from './exec-rule';
import { formatAccessLists } from './show/access-lists';
import { formatArp } from './show/arp';
import { formatInterface, formatInterfaces } from './show/interfaces';
import { formatIpInterfaceBrief } from './show/ip-interface-brief';
import { formatIpRoute } from './show/ip-route';
import { formatLogging } from './show/logging';
import { formatIpNatTranslations, formatIpOspfNeighbor, formatIpProtocols } from './show/other';
import { formatPing, formatTraceroute } from './show/ping';
import { formatRunningConfig } from './show/running-config';

const PING_OPTIONS: [string, string][] = [
  ['repeat', 'repeat <1-2147483647:repeat>'],
  ['size', 'size <36-18024:size>'],
  ['source', 'source {<ipv4:source>|<if:source>}'],
  ['df-bit', '{df-bit}:df'],
  ['timeout', 'timeout <0-3600:timeout>'],
];

/** Every order of every subset of the options: IOS accepts ping options in any order. */
function permutations<T>(items: T[]): T[][] {
  const out: T[][] = [[]];
  const rec = (prefix: T[], rest: T[]): void => {
    rest.forEach((x, i) => {
      const next = [...prefix, x];
      out.push(next);
      rec(next, [...rest.slice(0, i), ...rest.slice(i + 1)]);
    });
  };
  rec([], items);
  return out;
}

function runPing(ctx: ExecContext, a: Record<string, string>): string {
  const target = parseIp(a.target ?? '');
  if (target === undefined) return '% Unrecognized host or address, or protocol not running.\n';
  const report = ctx.device.ping({
    target,
    ...(a.repeat ? { repeat: Number(a.repeat) } : {}),
    ...(a.size ? { size: Number(a.size) } : {}),
    ...(a.timeout ? { timeout: Number(a.timeout) } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.df ? { df: true } : {}),
  });
  return formatPing(report, { df: !!a.df });
}

function runTraceroute(ctx: ExecContext, a: Record<string, string>): string {
  const target = parseIp(a.target ?? '');
  if (target === undefined) return '% Unrecognized host or address, or protocol not running.\n';
  const r = ctx.device.traceroute({
    target,
    ...(a.source ? { source: a.source } : {}),
    ...(a.timeout ? { timeout: Number(a.timeout) } : {}),
    ...(a.probe ? { probes: Number(a.probe) } : {}),
    ...(a.maxttl ? { maxTtl: Number(a.maxttl) } : {}),
  });
  return formatTraceroute(r);
}

function showInterfaces(ctx: ExecContext, a: Record<string, string>): string {
  const all = ctx.device.interfaces();
  if (!a.name) return formatInterfaces(all);
  const i = all.find((x) => x.name === a.name);
  if (!i) throw new InvalidArgument('name');
  return formatInterface(i);
}

/** exit/logout end the session; the console line waits for RETURN and starts again in user EXEC. */
function logout(c: ExecContext): string {
  c.session.setLevel('user');
  return `\n${c.device.config().hostname} con0 is now available\n\n\n\n\n\nPress RETURN to get started.\n`;
}

const pingRules: ExecRule[] = permutations(PING_OPTIONS).map((opts) =>
  rule(
    'exec.ping',
    ['ping <ipv4:target>', ...opts.map(([, s]) => s)].join(' '),
    runPing,
    {
      ping: 'Send echo messages',
      target: 'Ping destination address or hostname',
      repeat: 'specify repeat count',
      size: 'specify datagram size',
      source: 'specify source address or name',
      'df-bit': 'enable do not fragment bit in IP header',
      timeout: 'specify timeout interval',
    },
    true,
  ),
);

const TRACE_OPTIONS: [string, string][] = [
  ['source', 'source {<ipv4:source>|<if:source>}'],
  ['timeout', 'timeout <0-3600:timeout>'],
  ['probe', 'probe <1-65535:probe>'],
  ['ttl', 'ttl <1-255:minttl> <1-255:maxttl>'],
];
const tracerouteRules: ExecRule[] = permutations(TRACE_OPTIONS).map((opts) =>
  rule(
    'exec.traceroute',
    ['traceroute <ipv4:target>', ...opts.map(([, s]) => s)].join(' '),
    runTraceroute,
    { traceroute: 'Trace route to destination', target: 'Trace route to destination address or hostname', probe: 'specify number of probes per hop', ttl: 'specify minimum and maximum ttl', source: 'specify source address or name', timeout: 'specify time out' },
    true,
  ),
);

export const EXEC_RULES: ExecRule[] = [
  rule('exec.enable', 'enable', (c) => (c.session.setLevel('priv'), ''), { enable: 'Turn on privileged commands' }, true),
  rule('exec.disable', 'disable', (c) => (c.session.setLevel('user'), ''), { disable: 'Turn off privileged commands' }),
  rule('exec.configure', 'configure [terminal]', (c) => (c.session.enterConfig(), 'Enter configuration commands, one per line.  End with CNTL/Z.\n'), { configure: 'Enter configuration mode', terminal: 'Configure from the terminal' }),
  rule('exec.exit', 'exit', logout, { exit: 'Exit from the EXEC' }, true),
  rule('exec.logout', 'logout', logout, { logout: 'Exit from the EXEC' }, true),
  rule('exec.write', 'write [memory]', () => 'Building configuration...\n[OK]\n', { write: 'Write running configuration to memory, network, or terminal', memory: 'Write to NV memory' }),
  rule('exec.copy-run-start', 'copy running-config startup-config', () => 'Destination filename [startup-config]? \nBuilding configuration...\n[OK]\n', { copy: 'Copy from one file to another', 'running-config': 'Copy from current system configuration', 'startup-config': 'Copy to startup configuration' }),
  rule('exec.terminal', 'terminal {length <0-512:n>|monitor}', () => '', { terminal: 'Set terminal line parameters', length: 'Set number of lines on a screen', monitor: 'Copy debug output to the current terminal line' }, true),
  rule('exec.debug', 'debug {crypto isakmp|crypto ipsec|ip ospf adj|ip ospf events|ip icmp|ip packet|ip nat}:what', (c, a) => c.session.debug(a.what!, true), {
    debug: 'Debugging functions (see also \'undebug\')',
    crypto: 'Cryptographic subsystem',
    isakmp: 'ISAKMP Key Management',
    ipsec: 'IPSEC processing',
    ip: 'IP information',
    ospf: 'OSPF information',
    adj: 'OSPF adjacency events',
    events: 'OSPF events',
    icmp: 'ICMP transactions',
    packet: 'General IP debugging and IPSO security transactions',
    nat: 'NAT events',
  }),
  rule('exec.undebug', 'undebug all', (c) => c.session.debug('all', false), { undebug: 'Disable debugging functions (see also \'debug\')', all: 'Disable all debugging' }),
  rule('exec.clear', 'clear {crypto sa|crypto session|crypto isakmp|ip nat translation *|arp-cache|counters}:what', (c, a) => {
    if (!c.device.clear) return notYet(`clear ${a.what}`);
    c.device.clear(a.what!);
    return a.what === 'counters' ? 'Clear "show interface" counters on all interfaces [confirm]\n' : '';
  }, { clear: 'Reset functions', sa: 'Clear all crypto SAs', session: 'Clear crypto sessions', translation: 'Clear dynamic translations', '*': 'Delete all dynamic translations', 'arp-cache': 'Clear the entire ARP cache', counters: 'Clear counters on one or all interfaces' }),
  ...pingRules,
  ...tracerouteRules,
  rule('show.running-config', 'show running-config', (c) => formatRunningConfig(c.device.config()), SHOW_HELP),
  rule('show.running-config-interface', 'show running-config interface <if:name>', (c, a) => {
    const i = c.device.config().interfaces.find((x) => x.name === a.name);
    if (!i) return '%Interface not found\n';
    const body = `!\n${interfaceBlock(i).join('\n')}\nend\n`;
    return `Building configuration...\n\nCurrent configuration : ${body.length} bytes\n${body}`;
  }, SHOW_HELP),
  rule('show.ip-interface-brief', 'show ip interface brief', (c) => formatIpInterfaceBrief(c.device.interfaces()), SHOW_HELP, true),
  rule('show.interfaces', 'show interfaces [<if:name>]', (c, a) => showInterfaces(c, a), SHOW_HELP, true),
  rule('show.ip-route', 'show ip route', (c) => formatIpRoute(c.device.ipRoute()), SHOW_HELP, true),
  rule('show.ip-route-filter', 'show ip route {connected|static|ospf}:which', (c, a) => {
    const code = a.which === 'connected' ? ['C', 'L'] : a.which === 'static' ? ['S'] : ['O', 'O IA', 'O E1', 'O E2'];
    const data = c.device.ipRoute();
    return formatIpRoute({ ...data, routes: data.routes.filter((r) => code.includes(r.code)) });
  }, { ...SHOW_HELP, connected: 'Connected', static: 'Static routes', ospf: 'Open Shortest Path First (OSPF)' }, true),
  rule('show.access-lists', 'show access-lists', (c) => formatAccessLists(c.device.config().accessLists), { ...SHOW_HELP, 'access-lists': 'List access lists' }),
  rule('show.ip-access-lists', 'show ip access-lists', (c) => formatAccessLists(c.device.config().accessLists), { ...SHOW_HELP, 'access-lists': 'List IP access lists' }),
  rule('show.arp', 'show arp', (c) => formatArp(c.device.arp()), SHOW_HELP, true),
  rule('show.ip-arp', 'show ip arp', (c) => formatArp(c.device.arp()), { ...SHOW_HELP, arp: 'IP ARP table' }, true),
  rule('show.logging', 'show logging', (c) => formatLogging(c.device.logging()), SHOW_HELP),
  rule('show.debugging', 'show debugging', (c) => c.session.debugging(), { ...SHOW_HELP, debugging: 'State of each debugging option' }),
  rule('show.history', 'show history', (c) => c.session.history().map((h) => `  ${h}\n`).join(''), SHOW_HELP, true),
  ...CRYPTO_SHOW_RULES,
  rule('show.ip-nat-translations', 'show ip nat translations [verbose]:verbose', (c, a) => viaDevice(c, 'show.ip-nat-translations', a, c.device.natTranslations?.bind(c.device), formatIpNatTranslations, 'NAT'), SHOW_HELP, true),
  rule('show.ip-ospf-neighbor', 'show ip ospf neighbor', (c, a) => viaDevice(c, 'show.ip-ospf-neighbor', a, c.device.ospfNeighbors?.bind(c.device), formatIpOspfNeighbor, 'OSPF'), SHOW_HELP, true),
  rule('show.ip-protocols', 'show ip protocols', (c, a) => viaDevice(c, 'show.ip-protocols', a, c.device.ipProtocols?.bind(c.device), formatIpProtocols, 'OSPF'), SHOW_HELP, true),
];

let privileged: Grammar | undefined;
let user: Grammar | undefined;

export function execGrammar(level: 'user' | 'priv'): Grammar {
  if (level === 'priv') return (privileged ??= new Grammar('exec', EXEC_RULES, false));
  return (user ??= new Grammar('user-exec', EXEC_RULES.filter((r) => r.data!.user), false));
}

