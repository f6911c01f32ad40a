// show clock and show version against IOS: the clock the log timestamps use, and the CSR1000V
// `show version` in ../shared/reference with this device's name, uptime and interfaces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iosTimestamp } from '../../sim';
import { formatClock, formatVersion, uptimeText } from './version';

const SECOND = 1_000_000;
const REF = join(import.meta.dirname, '../../../../shared/reference/batfish_lab_validation/eos_iosxe_aws_demo__show_exitgw_show_version.txt');

describe('show clock', () => {
  it('starts at IOS\'s uncalendared origin, Monday 1 March 1993, marked * (not authoritative)', () => {
    expect(formatClock(0)).toBe('*00:00:00.000 UTC Mon Mar 1 1993\n');
    expect(formatClock(83.456 * SECOND)).toBe('*00:01:23.456 UTC Mon Mar 1 1993\n');
  });

  it('reads the same time as the log timestamps, across days and months', () => {
    for (const t of [12.345 * SECOND, 3725.5 * SECOND, 86_400 * SECOND + 7 * SECOND]) {
      const log = iosTimestamp(t); // "*Mar  1 00:00:12.345"
      const clock = formatClock(t);
      expect(clock.slice(0, 13)).toBe(`*${log.slice(-12)}`);
      expect(clock).toContain(`Mar ${Number(log.slice(5, 7))} 1993`);
    }
    expect(formatClock(86_400 * SECOND)).toBe('*00:00:00.000 UTC Tue Mar 2 1993\n');
    expect(formatClock(31 * 86_400 * SECOND)).toBe('*00:00:00.000 UTC Thu Apr 1 1993\n');
  });
});

describe('show version', () => {
  it('uptime in IOS words', () => {
    expect(uptimeText(0)).toBe('0 minutes');
    expect(uptimeText(59 * SECOND)).toBe('0 minutes');
    expect(uptimeText(60 * SECOND)).toBe('1 minute');
    expect(uptimeText(47 * 60 * SECOND)).toBe('47 minutes');
    expect(uptimeText(3600 * SECOND)).toBe('1 hour, 0 minutes');
    expect(uptimeText((2 * 86_400 + 5 * 60) * SECOND)).toBe('2 days, 0 hours, 5 minutes');
    expect(uptimeText((8 * 86_400 + 3600 + 60) * SECOND)).toBe('1 week, 1 day, 1 hour, 1 minute');
  });

  it('matches the real CSR1000V output, line for line, given its hostname, uptime and interfaces', () => {
    const real = readFileSync(REF, 'utf8').replace(/\n$/, '').split('\n');
    const ours = formatVersion('exitgw', 47 * 60 * SECOND, ['GigabitEthernet1', 'GigabitEthernet2', 'GigabitEthernet3', 'GigabitEthernet4', 'Loopback0', 'Tunnel1', 'GigabitEthernet2.100']).replace(/\n$/, '').split('\n');
    expect(ours).toHaveLength(real.length);
    // The one difference: the real control processor had booted a minute before IOS.
    const cpu = real.findIndex((l) => l.startsWith('Uptime for this control processor'));
    expect(ours[cpu]).toBe('Uptime for this control processor is 47 minutes');
    expect(ours.filter((_, i) => i !== cpu)).toEqual(real.filter((_, i) => i !== cpu));
  });

  it('counts a host\'s Ethernet interface', () => {
    const out = formatVersion('H1', 0, ['Ethernet0']);
    expect(out).toContain('\nH1 uptime is 0 minutes\n');
    expect(out).toContain('\n1 Ethernet interface\n');
  });
});
