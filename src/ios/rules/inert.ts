// Global commands learners type out of habit that change nothing the simulation models
// (`no ip domain lookup`, `service password-encryption`, `banner motd ...`). The console accepts
// them as IOS does and keeps them verbatim in the running-config; a config file keeps them as
// unsupported lines like any other line the model does not know (parse.ts).
import type { ConfigAction } from '../actions';
import type { IosConfig } from '../model';
import { rule, type ConfigRule } from './common';

interface Inert {
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

function applyInert(inert: Inert) {
  return (c: IosConfig, a: ConfigAction): void => {
    const text = inert.text(a);
    const key = inert.key?.(a) ?? text;
    // Drop the line and its opposite, then write what running-config would show now.
    c.unknown = c.unknown.filter((b) => !(b.lines.length === 1 && (b.lines[0]!.startsWith(key) || b.lines[0]!.startsWith(`no ${key}`))));
    const line = a.no ? (inert.defaultOn ? `no ${text}` : undefined) : inert.defaultOn ? undefined : text;
    if (line) c.unknown.push({ after: 'hostname', lines: [line] });
  };
}

export const inertRules: ConfigRule[] = INERT.map((i) => rule('config', `inert.${i.syntax.split(' ').filter((w) => /^[a-z]/.test(w)).join('-')}`, i.syntax, applyInert(i), { help: i.help, noMin: i.syntax.split(' ').filter((w) => !/[<[{]/.test(w)).length }));
