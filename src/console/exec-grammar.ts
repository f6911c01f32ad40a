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
import { formatOspfDatabase, formatOspfInterfaceBrief, formatOspfInterfaces, formatOspfProcesses } from './show/ospf';
import { formatPing, formatTraceroute } from './show/ping';
import { formatRunningConfig } from './show/running-config';
import { formatClock, formatVersion } from './show/version';

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

/** `show ip ospf ?` words, as IOS words them. */
const OSPF_HELP: Record<string, string> = {
  ...SHOW_HELP,
  interface: 'Interface information',
  brief: 'Brief summary of interface information',
  database: 'Database summary',
};

/** The `is up, line protocol is up` part of an interface, from the device's interface table. */
const interfaceStatus = (c: ExecContext) => {
  const all = c.device.interfaces();
  return (name: string) => all.find((i) => i.name === name);
};

/**
 * IOS exec commands the lab does not simulate. They are declared so that abbreviations resolve
 * as on IOS (`s` is ambiguous between send, setup, show and ssh) and so that typing one gives a
 * clear answer instead of "Unknown command".
 */
const UNAVAILABLE: { word: string; help: string; user: boolean; message: string }[] = [
  { word: 'reload', help: 'Halt and perform a cold restart', user: false, message: '% Reload is not available in the lab: the device keeps running with its running-config (nothing is lost or reloaded).' },
  { word: 'send', help: 'Send a message to other tty lines', user: false, message: '% send is not available in the lab: each device has a single console line.' },
  { word: 'setup', help: 'Run the SETUP command facility', user: false, message: '% setup is not available in the lab: configure the device with configure terminal.' },
  { word: 'ssh', help: 'Open a secure shell client connection', user: true, message: '% ssh is not available in the lab: open the other device\'s console instead.' },
  { word: 'telnet', help: 'Open a telnet connection', user: true, message: '% telnet is not available in the lab: open the other device\'s console instead.' },
];

const UNAVAILABLE_RULES: ExecRule[] = UNAVAILABLE.map((u) => rule(`exec.${u.word}`, `${u.word} [<line:args>]`, () => `${u.message}\n`, { [u.word]: u.help, args: 'Arguments' }, u.user));

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
    { traceroute: 'Trace route to destination', target: 'Trace route to destination address or hostname', probe: 'specify number of probes per hop', ttl: 'specify minimum and maximum ttl', minttl: 'minimum ttl', maxttl: 'maximum ttl', source: 'specify source address or name', timeout: 'specify time out' },
    true,
  ),
);

/** What `debug`, `no debug` and `undebug` name, and IOS's help for each word. */
const DEBUG_WHAT = 'crypto isakmp|crypto ipsec|ip ospf adj|ip ospf events|ip ospf hello|ip icmp|ip packet|ip nat';
const DEBUG_HELP = {
  debug: 'Debugging functions (see also \'undebug\')',
  crypto: 'Cryptographic subsystem',
  isakmp: 'ISAKMP Key Management',
  ipsec: 'IPSEC processing',
  ip: 'IP information',
  ospf: 'OSPF information',
  adj: 'OSPF adjacency events',
  events: 'OSPF events',
  hello: 'OSPF hello events',
  icmp: 'ICMP transactions',
  packet: 'General IP debugging and IPSO security transactions',
  nat: 'NAT events',
};
/** IOS's answer to turning one debug off. */
const DEBUG_OFF: Record<string, string> = {
  'crypto isakmp': 'Crypto ISAKMP debugging is off',
  'crypto ipsec': 'Crypto IPSEC debugging is off',
  'ip ospf adj': 'OSPF adjacency debugging is off',
  'ip ospf events': 'OSPF events debugging is off',
  'ip ospf hello': 'OSPF hello debugging is off',
  'ip icmp': 'ICMP packet debugging is off',
  'ip packet': 'IP packet debugging is off',
  'ip nat': 'IP NAT debugging is off',
};

function debugOff(c: ExecContext, a: Record<string, string>): string {
  if (a.what === 'all') return c.session.debug('all', false);
  c.session.debug(a.what!, false);
  return `${DEBUG_OFF[a.what!]}\n`;
}

export const EXEC_RULES: ExecRule[] = [
  rule('exec.enable', 'enable', (c) => (c.session.setLevel('priv'), ''), { enable: 'Turn on privileged commands' }, true),
  rule('exec.disable', 'disable', (c) => (c.session.setLevel('user'), ''), { disable: 'Turn off privileged commands' }),
  rule('exec.configure', 'configure [terminal]', (c) => (c.session.enterConfig(), 'Enter configuration commands, one per line.  End with CNTL/Z.\n'), { configure: 'Enter configuration mode', terminal: 'Configure from the terminal' }),
  rule('exec.exit', 'exit', logout, { exit: 'Exit from the EXEC' }, true),
  rule('exec.logout', 'logout', logout, { logout: 'Exit from the EXEC' }, true),
  rule('exec.write', 'write [memory]', () => 'Building configuration...\n[OK]\n', { write: 'Write running configuration to memory, network, or terminal', memory: 'Write to NV memory' }),
  rule('exec.copy-run-start', 'copy running-config startup-config', () => 'Destination filename [startup-config]? \nBuilding configuration...\n[OK]\n', { copy: 'Copy from one file to another', 'running-config': 'Copy from current system configuration', 'startup-config': 'Copy to startup configuration' }),
  rule('exec.terminal', 'terminal {length <0-512:n>|monitor}', () => '', { terminal: 'Set terminal line parameters', length: 'Set number of lines on a screen', n: 'Number of lines on screen (0 for no pausing)', monitor: 'Copy debug output to the current terminal line' }, true),
  rule('exec.debug', `debug {${DEBUG_WHAT}}:what`, (c, a) => c.session.debug(a.what!, true), DEBUG_HELP),
  // `no debug X` / `undebug X`: that one debug off (the device stops its lines); `all`: everything.
  rule('exec.no-debug', `no debug {all|${DEBUG_WHAT}}:what`, debugOff, { no: 'Disable debugging functions', all: 'Disable all debugging', ...DEBUG_HELP }),
  rule('exec.undebug-one', `undebug {${DEBUG_WHAT}}:what`, debugOff, { undebug: 'Disable debugging functions (see also \'debug\')', ...DEBUG_HELP }),
  rule('exec.undebug', 'undebug all', (c) => c.session.debug('all', false), { undebug: 'Disable debugging functions (see also \'debug\')', all: 'Disable all debugging' }),
  rule('exec.clear', 'clear {crypto sa|crypto session|crypto isakmp|ip nat translation *|arp-cache|counters}:what', (c, a) => {
    if (!c.device.clear) return notYet(`clear ${a.what}`);
    c.device.clear(a.what!);
    return a.what === 'counters' ? 'Clear "show interface" counters on all interfaces [confirm]\n' : '';
  }, {
    clear: 'Reset functions',
    crypto: 'Clear crypto',
    isakmp: 'Flush the ISAKMP database',
    sa: 'Clear all crypto SAs',
    session: 'Clear crypto sessions (tunnels)',
    ip: 'IP',
    nat: 'Clear NAT',
    translation: 'Clear dynamic translation',
    '*': 'Delete all dynamic translations',
    'arp-cache': 'Clear the entire ARP cache',
    counters: 'Clear counters on one or all interfaces',
  }),
  ...UNAVAILABLE_RULES,
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
    return formatIpRoute(c.device.ipRoute(), (r) => code.includes(r.code));
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
  rule('show.ip-ospf', 'show ip ospf', (c, a) => viaDevice(c, 'show.ip-ospf', a, c.device.ospfProcesses?.bind(c.device), formatOspfProcesses, 'OSPF'), OSPF_HELP, true),
  rule('show.ip-ospf-interface', 'show ip ospf interface [<if:name>]', (c, a) => viaDevice(c, 'show.ip-ospf-interface', a, c.device.ospfInterfaces?.bind(c.device), (v) => formatOspfInterfaces(v, interfaceStatus(c), a.name), 'OSPF'), OSPF_HELP, true),
  rule('show.ip-ospf-interface-brief', 'show ip ospf interface brief', (c, a) => viaDevice(c, 'show.ip-ospf-interface-brief', a, c.device.ospfInterfaces?.bind(c.device), formatOspfInterfaceBrief, 'OSPF'), OSPF_HELP, true),
  rule('show.ip-ospf-database', 'show ip ospf database', (c, a) => viaDevice(c, 'show.ip-ospf-database', a, c.device.ospfDatabase?.bind(c.device), formatOspfDatabase, 'OSPF'), OSPF_HELP, true),
  rule('show.clock', 'show clock', (c) => formatClock(c.device.clock?.() ?? 0), { ...SHOW_HELP, clock: 'Display the system clock' }, true),
  rule('show.version', 'show version', (c) => formatVersion(c.device.config().hostname, c.device.clock?.() ?? 0, c.device.interfaces().map((i) => i.name)), { ...SHOW_HELP, version: 'System hardware and software status' }, true),
  rule('show.ip-protocols', 'show ip protocols', (c, a) => viaDevice(c, 'show.ip-protocols', a, c.device.ipProtocols?.bind(c.device), formatIpProtocols, 'OSPF'), SHOW_HELP, true),
];

let privileged: Grammar | undefined;
let user: Grammar | undefined;

export function execGrammar(level: 'user' | 'priv'): Grammar {
  if (level === 'priv') return (privileged ??= new Grammar('exec', EXEC_RULES, false));
  return (user ??= new Grammar('user-exec', EXEC_RULES.filter((r) => r.data!.user), false));
}

