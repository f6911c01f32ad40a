// Naming rules shared by validation and editing. A device name is its IOS hostname, so it follows
// IOS's hostname rule (RFC 1123 style); that also keeps markup out of names by construction.

const HOSTNAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

export function hostnameProblem(name: string): string | null {
  if (name.length === 0) return 'a device needs a name';
  if (name.length > 63) return 'a device name has at most 63 characters';
  if (!HOSTNAME.test(name)) {
    return `"${printable(name)}" is not a valid hostname: start with a letter, then use only letters, digits, hyphens and underscores`;
  }
  return null;
}

/** Interface names a lab may use, per DESIGN.md: GigabitEthernetN(/N...), EthernetN, Loopback, Tunnel. */
const INTERFACE = /^(GigabitEthernet|Ethernet|FastEthernet|TenGigabitEthernet)\d+(\/\d+){0,2}$|^(Loopback|Tunnel)\d+$/;
const LINKABLE = /^(GigabitEthernet|Ethernet|FastEthernet|TenGigabitEthernet)\d+(\/\d+){0,2}$/;

export const isInterfaceName = (name: string): boolean => INTERFACE.test(name);
export const isLinkableInterface = (name: string): boolean => LINKABLE.test(name);

const SHORT: [string, string][] = [
  ['TenGigabitEthernet', 'Te'],
  ['GigabitEthernet', 'Gi'],
  ['FastEthernet', 'Fa'],
  ['Ethernet', 'Et'],
  ['Loopback', 'Lo'],
  ['Tunnel', 'Tu'],
];

/** IOS's short form, as in `show ip interface brief` columns and CDP: GigabitEthernet1 → Gi1. */
export function shortInterfaceName(name: string): string {
  for (const [long, short] of SHORT) {
    if (name.startsWith(long)) return short + name.slice(long.length);
  }
  return name;
}

/** Shows hostile or invisible characters as escapes, so a message never carries raw markup. */
export function printable(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Splits "R1 GigabitEthernet1" into its device and interface. */
export function splitEndpoint(end: string): { device: string; iface: string } | null {
  const m = /^(\S+) (\S+)$/.exec(end);
  return m ? { device: m[1]!, iface: m[2]! } : null;
}

export const endpoint = (device: string, iface: string): string => `${device} ${iface}`;
