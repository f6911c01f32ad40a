// `show clock` and `show version`. The clock is the one the log timestamps use: IOS without a
// calendar or NTP starts at 00:00:00 UTC Mon Mar 1 1993 and marks the time as not authoritative
// with `*` (hence "*Mar  1 00:00:12.345" in the logs). `show version` follows the CSR1000V
// IOS-XE 16.4.1 output in ../shared/reference, with this device's hostname, uptime and interfaces.
import { splitInterfaceName } from '../../ios';

/** IOS's default clock origin: 1993-03-01 00:00:00 UTC, a Monday. */
const ORIGIN_MS = Date.UTC(1993, 2, 1);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `*00:01:23.456 UTC Mon Mar 1 1993` for a device clock in simulated microseconds. */
export function formatClock(clockUs: number): string {
  const d = new Date(ORIGIN_MS + Math.floor(clockUs / 1000));
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `*${time} UTC ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}\n`;
}

/** IOS uptime words: "0 minutes", "1 hour, 5 minutes", "2 days, 0 hours, 3 minutes" (from the largest unit down). */
export function uptimeText(clockUs: number): string {
  let minutes = Math.floor(clockUs / 60_000_000);
  const units: [string, number][] = [['year', 525_600], ['week', 10_080], ['day', 1_440], ['hour', 60], ['minute', 1]];
  const parts: string[] = [];
  for (const [name, size] of units) {
    const n = Math.floor(minutes / size);
    minutes -= n * size;
    if (n > 0 || parts.length > 0 || name === 'minute') parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}

/** "4 Gigabit Ethernet interfaces": physical interfaces by type (subinterfaces and virtual ones left out). */
function interfaceCounts(names: readonly string[]): string[] {
  const label: Record<string, string> = { GigabitEthernet: 'Gigabit Ethernet', Ethernet: 'Ethernet', FastEthernet: 'FastEthernet', TenGigabitEthernet: 'Ten Gigabit Ethernet', Serial: 'Serial' };
  const counts = new Map<string, number>();
  for (const n of names) {
    const t = splitInterfaceName(n)?.type;
    if (!t || !label[t] || n.includes('.')) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].map(([t, c]) => `${c} ${label[t]} interface${c === 1 ? '' : 's'}`);
}

export function formatVersion(hostname: string, clockUs: number, interfaceNames: readonly string[]): string {
  const up = uptimeText(clockUs);
  return [
    'Cisco IOS XE Software, Version 16.04.01',
    'Cisco IOS Software [Everest], CSR1000V Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.4.1, RELEASE SOFTWARE (fc2)',
    'Technical Support: http://www.cisco.com/techsupport',
    'Copyright (c) 1986-2016 by Cisco Systems, Inc.',
    'Compiled Sun 27-Nov-16 13:02 by mcpre',
    '',
    '',
    'Cisco IOS-XE software, Copyright (c) 2005-2016 by cisco Systems, Inc.',
    'All rights reserved.  Certain components of Cisco IOS-XE software are',
    'licensed under the GNU General Public License ("GPL") Version 2.0.  The',
    'software code licensed under GPL Version 2.0 is free software that comes',
    'with ABSOLUTELY NO WARRANTY.  You can redistribute and/or modify such',
    'GPL code under the terms of GPL Version 2.0.  For more details, see the',
    'documentation or "License Notice" file accompanying the IOS-XE software,',
    'or the applicable URL provided on the flyer accompanying the IOS-XE',
    'software.',
    '',
    '',
    'ROM: IOS-XE ROMMON',
    '',
    `${hostname} uptime is ${up}`,
    `Uptime for this control processor is ${up}`,
    'System returned to ROM by reload',
    'System image file is "bootflash:packages.conf"',
    'Last reload reason: reload',
    '',
    '',
    '',
    'This product contains cryptographic features and is subject to United',
    'States and local country laws governing import, export, transfer and',
    'use. Delivery of Cisco cryptographic products does not imply',
    'third-party authority to import, export, distribute or use encryption.',
    'Importers, exporters, distributors and users are responsible for',
    'compliance with U.S. and local country laws. By using this product you',
    'agree to comply with applicable laws and regulations. If you are unable',
    'to comply with U.S. and local laws, return this product immediately.',
    '',
    'A summary of U.S. laws governing Cisco cryptographic products may be found at:',
    'http://www.cisco.com/wwl/export/crypto/tool/stqrg.html',
    '',
    'If you require further assistance please contact us by sending email to',
    'export@cisco.com.',
    '',
    'License Level: ax',
    'License Type: Default. No valid license found.',
    'Next reload license Level: ax',
    '',
    'cisco CSR1000V (VXE) processor (revision VXE) with 1086743K/3075K bytes of memory.',
    'Processor board ID 9SCDP8LED1D',
    ...interfaceCounts(interfaceNames),
    '32768K bytes of non-volatile configuration memory.',
    '3019064K bytes of physical memory.',
    '7774207K bytes of virtual hard disk at bootflash:.',
    '0K bytes of  at webui:.',
    '',
    'Configuration register is 0x2102',
    '',
  ].join('\n');
}
