// Acceptance 2 of issue 4: our `show ip route` and `show interfaces` (engine data through the
// console's formatters) parse with the ntc-templates TextFSM templates, into the right fields.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { python, skipWithout } from '../testing/tools';
import { main } from './main';

const GRE_LAB = join(import.meta.dirname, '../sim/testlabs/gre-transit.json');
const NTC = join(import.meta.dirname, '../../../shared/reference/ntc');

const PARSE = `
import sys, json, textfsm
with open(sys.argv[1]) as f:
    t = textfsm.TextFSM(f)
rows = t.ParseText(sys.stdin.read())
print(json.dumps([dict(zip(t.header, r)) for r in rows]))
`;

function showOutput(device: string, command: string, before: string[] = []): string {
  const out: string[] = [];
  const argv = ['run', GRE_LAB, ...before.flatMap((l) => ['--exec', l]), '--exec', `${device}: ${command}`];
  expect(main(argv, { stdout: (t) => out.push(t), stderr: () => undefined })).toBe(0);
  const text = out.join('\n');
  const start = text.lastIndexOf(`${device}#${command}\n`);
  return text.slice(start + device.length + 1 + command.length + 1);
}

function textfsm(template: string, text: string): Array<Record<string, string | string[]>> {
  return JSON.parse(python(PARSE, [join(NTC, template)], text)) as Array<Record<string, string | string[]>>;
}

describe.skipIf(skipWithout('textfsm'))('ntc-templates parse our show output', () => {
  it('show ip route: every route with its protocol, prefix, next hop and interface', () => {
    const rows = textfsm('cisco_ios_show_ip_route.textfsm', showOutput('R1', 'show ip route'));
    const simple = rows.map((r) => `${r.PROTOCOL} ${r.NETWORK}/${r.PREFIX_LENGTH} ${r.NEXTHOP_IP || '-'} ${r.NEXTHOP_IF || '-'} ${r.DISTANCE || ''}/${r.METRIC || ''}`);
    expect(simple).toEqual([
      'C 10.1.1.0/24 - GigabitEthernet2 /',
      'L 10.1.1.1/32 - GigabitEthernet2 /',
      'S 10.2.2.0/24 - Tunnel0 /',
      'C 172.16.0.0/30 - Tunnel0 /',
      'L 172.16.0.1/32 - Tunnel0 /',
      'C 198.51.100.0/30 - GigabitEthernet1 /',
      'L 198.51.100.1/32 - GigabitEthernet1 /',
      'S 203.0.113.0/30 198.51.100.2 - 1/0',
    ]);
  });

  it('show interfaces: status, addresses, MTU, MAC and counters of every interface', () => {
    const text = showOutput('R1', 'show interfaces', ['H1: ping 10.2.2.10', 'H1: ping 10.2.2.10']);
    const rows = textfsm('cisco_ios_show_interfaces.textfsm', text);
    const by = new Map(rows.map((r) => [r.INTERFACE as string, r]));
    expect([...by.keys()]).toEqual(['GigabitEthernet1', 'GigabitEthernet2', 'Tunnel0']);
    const gi1 = by.get('GigabitEthernet1')!;
    expect(gi1.LINK_STATUS).toBe('up');
    expect(gi1.PROTOCOL_STATUS).toBe('up');
    expect([gi1.IP_ADDRESS, gi1.PREFIX_LENGTH]).toEqual(['198.51.100.1', '30']);
    expect(gi1.MTU).toBe('1500');
    expect(gi1.MAC_ADDRESS).toMatch(/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/);
    expect(Number(gi1.INPUT_PACKETS)).toBeGreaterThan(0);
    expect(Number(gi1.OUTPUT_PACKETS)).toBeGreaterThan(0);
    const tu = by.get('Tunnel0')!;
    expect(tu.HARDWARE_TYPE).toBe('Tunnel');
    expect([tu.IP_ADDRESS, tu.PREFIX_LENGTH]).toEqual(['172.16.0.1', '30']);
    expect(Number(tu.OUTPUT_PACKETS)).toBeGreaterThanOrEqual(8);
  });
});
