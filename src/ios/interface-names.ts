// Interface names as IOS accepts and prints them: the full name (GigabitEthernet0/1), the short
// name of `show ip route` and log lines (Gi0/1), and any unique abbreviation a user types
// (gi0/1, g0/1, `gigabitEthernet 0/1`, tu0, lo0).

export interface InterfaceType {
  full: string;
  short: string;
  /** `?` help text, as IOS lists interface types. */
  help: string;
  /**
   * The interface number IOS accepts, for types whose range does not depend on the chassis
   * (`interface Tunnel ?` -> <0-2147483647>). Physical types: each slot/port number within
   * PHYSICAL_MAX (their real range is the hardware's).
   */
  range?: [number, number];
}

/** The types a Tunnelscope device can have, then others found in real configs (kept as names). */
export const INTERFACE_TYPES: readonly InterfaceType[] = [
  { full: 'Ethernet', short: 'Et', help: 'IEEE 802.3' },
  { full: 'FastEthernet', short: 'Fa', help: 'FastEthernet IEEE 802.3' },
  { full: 'GigabitEthernet', short: 'Gi', help: 'GigabitEthernet IEEE 802.3z' },
  { full: 'TenGigabitEthernet', short: 'Te', help: 'Ten Gigabit Ethernet' },
  { full: 'Loopback', short: 'Lo', help: 'Loopback interface', range: [0, 2147483647] },
  { full: 'Null', short: 'Nu', help: 'Null interface', range: [0, 0] },
  { full: 'Port-channel', short: 'Po', help: 'Ethernet Channel of interfaces' },
  { full: 'Serial', short: 'Se', help: 'Serial' },
  { full: 'Tunnel', short: 'Tu', help: 'Tunnel interface', range: [0, 2147483647] },
  { full: 'Vlan', short: 'Vl', help: 'Catalyst Vlans', range: [1, 4094] },
];

const NUMBER = /^\d+(\/\d+)*(\.\d+)?$/;
/** Largest slot/port number of a physical interface: IOS keeps them in signed 32 bits. */
export const PHYSICAL_MAX = 2147483647;
/** Subinterface numbers (Gi1.100): <1-4294967295>. */
const SUBINTERFACE: [number, number] = [1, 4294967295];

/** True when IOS accepts `number` (`0`, `0/1`, `1.100`) for an interface of this type. */
export function interfaceNumberValid(type: InterfaceType, number: string): boolean {
  if (!NUMBER.test(number)) return false;
  const [main, sub] = number.split('.') as [string, string | undefined];
  const parts = main.split('/').map(Number);
  if (type.range) {
    // Loopback, Tunnel, Null and Vlan interfaces have one number and no subinterfaces.
    if (parts.length !== 1 || sub !== undefined) return false;
    if (parts[0]! < type.range[0] || parts[0]! > type.range[1]) return false;
  } else if (parts.some((p) => p > PHYSICAL_MAX)) return false;
  return sub === undefined || (Number(sub) >= SUBINTERFACE[0] && Number(sub) <= SUBINTERFACE[1]);
}

/** Finds the type a (possibly abbreviated, any case) type word names; undefined if none or ambiguous. */
export function resolveInterfaceType(word: string): InterfaceType | undefined {
  const w = word.toLowerCase();
  if (!w) return undefined;
  const exact = INTERFACE_TYPES.find((t) => t.full.toLowerCase() === w || t.short.toLowerCase() === w);
  if (exact) return exact;
  const hits = INTERFACE_TYPES.filter((t) => t.full.toLowerCase().startsWith(w));
  if (hits.length === 1) return hits[0];
  // IOS resolves the common single letters by preference (g -> GigabitEthernet, t -> Tunnel,
  // e -> Ethernet, l -> Loopback) even where another type shares the letter.
  const preferred: Record<string, string> = { g: 'GigabitEthernet', gi: 'GigabitEthernet', t: 'Tunnel', tu: 'Tunnel', e: 'Ethernet', et: 'Ethernet', l: 'Loopback', lo: 'Loopback', f: 'FastEthernet', fa: 'FastEthernet', te: 'TenGigabitEthernet', s: 'Serial', p: 'Port-channel', n: 'Null', v: 'Vlan' };
  const name = preferred[w];
  return name ? INTERFACE_TYPES.find((t) => t.full === name) : undefined;
}

/**
 * Normalises an interface name as typed (`gi1`, `GigabitEthernet 0/1`, `tu0`, `Tunnel0`) to its
 * full IOS name, or undefined when it is not an interface name. Accepts the type and number as
 * one word or two.
 */
export function normalizeInterfaceName(text: string): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = /^([A-Za-z][A-Za-z-]*?)\s?(\d[\d/.:]*)$/.exec(t);
  if (!m) return undefined;
  const type = resolveInterfaceType(m[1]!);
  if (!type || !interfaceNumberValid(type, m[2]!)) return undefined;
  return type.full + m[2]!;
}

/** IOS short name: GigabitEthernet1 -> Gi1, Tunnel0 -> Tu0, Loopback0 -> Lo0, Ethernet0 -> Et0. */
export function shortInterfaceName(name: string): string {
  const full = normalizeInterfaceName(name) ?? name;
  for (const t of INTERFACE_TYPES) {
    if (full.startsWith(t.full) && /^\d/.test(full.slice(t.full.length))) return t.short + full.slice(t.full.length);
  }
  return full;
}

/** Splits a full name into its type and number: Tunnel0 -> { type: 'Tunnel', number: '0' }. */
export function splitInterfaceName(name: string): { type: string; number: string } | undefined {
  const m = /^([A-Za-z][A-Za-z-]*?)(\d[\d/.:]*)$/.exec(name);
  return m ? { type: m[1]!, number: m[2]! } : undefined;
}

/** Order IOS lists interfaces in running-config: virtual ones first, then physical, by number. */
export function interfaceSortKey(name: string): [number, number[]] {
  const parts = splitInterfaceName(name);
  const rank: Record<string, number> = { Loopback: 0, Tunnel: 1, Null: 2 };
  const nums = parts ? parts.number.split(/[/.:]/).map(Number) : [];
  return [parts ? (rank[parts.type] ?? 3) : 4, nums];
}

export function compareInterfaceNames(a: string, b: string): number {
  const [ra, na] = interfaceSortKey(a);
  const [rb, nb] = interfaceSortKey(b);
  if (ra !== rb) return ra - rb;
  const ta = splitInterfaceName(a)?.type ?? a;
  const tb = splitInterfaceName(b)?.type ?? b;
  if (ta !== tb) return ta < tb ? -1 : 1;
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
