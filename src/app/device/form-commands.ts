// Form values -> the IOS command lines a learner would type for the same change. Only changed
// fields produce lines (as a learner would type them), so the preview under each form teaches
// the commands, and the lines run through the same grammar as the console (config-script.ts).
// Values are the raw text of the inputs: nothing is validated here; the grammar does that and
// answers with the console's own message.
import type { CryptoMapEntry, IosConfig, InterfaceConfig, IsakmpPolicy, TransformSet } from '../../ios';
import { transformsText } from '../../ios';

export type Values = Record<string, string>;

const t = (v: string | undefined): string => (v ?? '').trim();
const changed = (before: Values, after: Values, key: string): boolean => t(before[key]) !== t(after[key]);

// ---- interfaces ----------------------------------------------------------------------------

export function interfaceValues(i: InterfaceConfig | undefined): Values {
  return {
    address: i?.ipAddress?.address ?? '',
    mask: i?.ipAddress?.mask ?? '',
    description: i?.description ?? '',
    mtu: i?.ipMtu !== undefined ? String(i.ipMtu) : '',
    shutdown: i?.shutdown ? 'yes' : '',
    nat: i?.natRole ?? '',
  };
}

export function interfaceCommands(name: string, before: Values, after: Values): string[] {
  const out: string[] = [];
  if (changed(before, after, 'address') || changed(before, after, 'mask')) {
    out.push(t(after.address) === '' && t(after.mask) === '' ? 'no ip address' : `ip address ${t(after.address)} ${t(after.mask)}`.trimEnd());
  }
  if (changed(before, after, 'description')) out.push(t(after.description) ? `description ${t(after.description)}` : 'no description');
  if (changed(before, after, 'mtu')) out.push(t(after.mtu) ? `ip mtu ${t(after.mtu)}` : 'no ip mtu');
  if (changed(before, after, 'nat')) out.push(t(after.nat) ? `ip nat ${t(after.nat)}` : `no ip nat ${t(before.nat)}`);
  if (changed(before, after, 'shutdown')) out.push(after.shutdown ? 'shutdown' : 'no shutdown');
  return out.length ? [`interface ${name}`, ...out] : [];
}

// ---- tunnels -------------------------------------------------------------------------------

export function tunnelValues(i: InterfaceConfig | undefined): Values {
  return {
    mode: i?.tunnelMode ?? 'gre ip',
    source: i?.tunnelSource ?? '',
    destination: i?.tunnelDestination ?? '',
    profile: i?.tunnelProtection?.profile ?? '',
  };
}

export function tunnelCommands(name: string, before: Values, after: Values): string[] {
  const out: string[] = [];
  if (changed(before, after, 'mode')) out.push(`tunnel mode ${t(after.mode)}`);
  if (changed(before, after, 'source')) out.push(t(after.source) ? `tunnel source ${t(after.source)}` : `no tunnel source`);
  if (changed(before, after, 'destination')) out.push(t(after.destination) ? `tunnel destination ${t(after.destination)}` : 'no tunnel destination');
  if (changed(before, after, 'profile')) {
    out.push(t(after.profile) ? `tunnel protection ipsec profile ${t(after.profile)}` : `no tunnel protection ipsec profile ${t(before.profile)}`);
  }
  return out.length ? [`interface ${name}`, ...out] : [];
}

// ---- crypto --------------------------------------------------------------------------------

export function isakmpPolicyValues(p: IsakmpPolicy | undefined): Values {
  return {
    priority: p ? String(p.priority) : '',
    encryption: p ? (p.encryption === 'aes' && p.keyLength && p.keyLength !== 128 ? `aes ${p.keyLength}` : p.encryption) : 'aes',
    hash: p?.hash ?? 'sha',
    authentication: p?.authentication ?? 'pre-share',
    group: p ? String(p.group) : '14',
    lifetime: p ? String(p.lifetime) : '86400',
  };
}

export function isakmpPolicyCommands(before: Values, after: Values, isNew: boolean): string[] {
  const out: string[] = [];
  const field = (key: string, cmd: string) => {
    if (isNew || changed(before, after, key)) out.push(`${cmd} ${t(after[key])}`);
  };
  field('encryption', 'encryption');
  field('hash', 'hash');
  field('authentication', 'authentication');
  field('group', 'group');
  if (!isNew || t(after.lifetime) !== '86400') field('lifetime', 'lifetime');
  return out.length || isNew ? [`crypto isakmp policy ${t(after.priority)}`, ...out] : [];
}

export function isakmpKeyCommand(key: string, address: string, remove = false): string[] {
  return [`${remove ? 'no ' : ''}crypto isakmp key ${key.trim()} address ${address.trim()}`];
}

export function transformSetValues(s: TransformSet | undefined): Values {
  return { name: s?.name ?? '', transforms: s ? transformsText(s.transforms) : 'esp-aes esp-sha-hmac', mode: s?.mode ?? 'tunnel' };
}

export function transformSetCommands(before: Values, after: Values, isNew: boolean): string[] {
  const out: string[] = [];
  const header = `crypto ipsec transform-set ${t(after.name)} ${t(after.transforms)}`;
  if (isNew || changed(before, after, 'transforms') || changed(before, after, 'mode')) out.push(header);
  if (changed(before, after, 'mode') || (isNew && t(after.mode) !== 'tunnel')) out.push(`mode ${t(after.mode)}`);
  return out;
}

export function ipsecProfileCommands(name: string, transformSet: string, previous?: string): string[] {
  const lines = [`crypto ipsec profile ${name.trim()}`];
  if (previous && previous !== transformSet.trim()) lines.push(`no set transform-set ${previous}`);
  if (transformSet.trim()) lines.push(`set transform-set ${transformSet.trim()}`);
  return lines;
}

export function cryptoMapValues(e: CryptoMapEntry | undefined, config: IosConfig): Values {
  const applied = e ? config.interfaces.find((i) => i.cryptoMap === e.name)?.name : undefined;
  return {
    name: e?.name ?? '',
    seq: e ? String(e.seq) : '10',
    peer: e?.peers[0] ?? '',
    transformSet: e?.transformSets[0] ?? '',
    acl: e?.matchAddress ?? '',
    interface: applied ?? '',
  };
}

export function cryptoMapCommands(before: Values, after: Values, isNew: boolean): string[] {
  const out: string[] = [];
  if (isNew || changed(before, after, 'peer')) {
    if (t(before.peer) && !isNew) out.push(`no set peer ${t(before.peer)}`);
    if (t(after.peer)) out.push(`set peer ${t(after.peer)}`);
  }
  if ((isNew || changed(before, after, 'transformSet')) && t(after.transformSet)) out.push(`set transform-set ${t(after.transformSet)}`);
  if (isNew || changed(before, after, 'acl')) out.push(t(after.acl) ? `match address ${t(after.acl)}` : 'no match address');
  const lines = out.length || isNew ? [`crypto map ${t(after.name)} ${t(after.seq)} ipsec-isakmp`, ...out] : [];
  if (changed(before, after, 'interface') || (isNew && t(after.interface))) {
    if (t(before.interface) && !isNew) lines.push(`interface ${t(before.interface)}`, `no crypto map ${t(after.name)}`);
    if (t(after.interface)) lines.push(`interface ${t(after.interface)}`, `crypto map ${t(after.name)}`);
  }
  return lines;
}

// ---- routing and NAT -----------------------------------------------------------------------

export function staticRouteCommand(v: Values, remove = false): string[] {
  const via = [t(v.interface), t(v.nextHop)].filter(Boolean).join(' ');
  return [`${remove ? 'no ' : ''}ip route ${t(v.prefix)} ${t(v.mask)} ${via}`.trimEnd()];
}

export function ospfCommands(before: Values, after: Values, isNew: boolean): string[] {
  const out: string[] = [];
  if (changed(before, after, 'routerId')) out.push(t(after.routerId) ? `router-id ${t(after.routerId)}` : 'no router-id');
  return out.length || isNew ? [`router ospf ${t(after.process)}`, ...out] : [];
}

export function ospfNetworkCommands(process: string, v: Values, remove = false): string[] {
  return [`router ospf ${process.trim()}`, `${remove ? 'no ' : ''}network ${t(v.address)} ${t(v.wildcard)} area ${t(v.area)}`];
}

export function natStaticCommand(local: string, global: string, remove = false): string[] {
  return [`${remove ? 'no ' : ''}ip nat inside source static ${local.trim()} ${global.trim()}`];
}

export function natOverloadCommand(acl: string, iface: string, remove = false): string[] {
  return [`${remove ? 'no ' : ''}ip nat inside source list ${acl.trim()} interface ${iface.trim()} overload`];
}
