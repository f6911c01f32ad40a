// IOS input checks a learner meets: errors before a pipe, ambiguous abbreviations, commands the
// lab does not simulate, interface number ranges, and help text on every `?` entry.
import { describe, expect, it } from 'vitest';
import type { Grammar } from '../ios';
import { execGrammar } from './exec-grammar';
import { createConsole } from './session';
import { fakeDevice } from './testing/fake-device';
import { ROUTES } from './testing/show-fixtures';

const R1 = 'hostname R1\n!\ninterface Tunnel0\n ip address 172.16.0.1 255.255.255.252\n!\ninterface GigabitEthernet1\n ip address 203.0.113.1 255.255.255.252\n';
const INVALID = "% Invalid input detected at '^' marker.";

describe('a pipe does not hide a syntax error', () => {
  it('reports the bad word of the command before the filter, caret and all', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    const line = 'show ip interfaceX brief | i Tunnel';
    expect(con.execute(line).output).toBe(`${' '.repeat('R1#show ip interface'.length)}^\n${INVALID}\n\n`);
    expect(con.execute('show ip | i Tunnel').output).toBe('% Incomplete command.\n\n');
    expect(con.execute('foo | i bar').output).toBe('% Unknown command or computer name, or unable to find computer address\n');
    // A valid command is still filtered.
    expect(con.execute('show ip interface brief | i Tunnel').output).toBe('Tunnel0                172.16.0.1      YES NVRAM  up                    up      \n');
  });

  it('an interface the device lacks, behind a pipe: the caret under the name', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('show interfaces Tunnel5 | i line').output).toBe(`${' '.repeat('R1#show interfaces '.length)}^\n${INVALID}\n\n`);
  });
});

describe('abbreviations and commands the lab does not simulate', () => {
  it('`s` is ambiguous (send, setup, show, ssh), `sh` is show', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('s').output).toBe('% Ambiguous command:  "s"\n');
    expect(con.execute('s ip int br').output).toBe('% Ambiguous command:  "s"\n');
    expect(con.execute('sh ip int br').output).toContain('Tunnel0');
    expect(con.help('s')).toBe('send  setup  show  ssh  \n\n');
    // User EXEC too: show and ssh.
    expect(createConsole(fakeDevice(R1)).execute('s').output).toBe('% Ambiguous command:  "s"\n');
  });

  it('reload answers that the lab does not reload, instead of "Unknown command"', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    const out = con.execute('reload').output;
    expect(out).toMatch(/^% Reload is not available in the lab/);
    expect(con.execute('reload in 5').output).toBe(out);
    expect(con.execute('?').output).toContain('  reload      Halt and perform a cold restart\n');
    // Privileged only, as on IOS.
    expect(createConsole(fakeDevice(R1)).execute('reload').output).toBe('% Unknown command or computer name, or unable to find computer address\n');
  });
});

describe('interface numbers', () => {
  it('Tunnel and Loopback take 0-2147483647; larger numbers are refused with a caret', () => {
    const dev = fakeDevice(R1);
    const con = createConsole(dev, { privileged: true });
    con.execute('conf t');
    expect(con.execute('interface Tunnel99999999999').output).toBe(`${' '.repeat('R1(config)#interface '.length)}^\n${INVALID}\n\n`);
    expect(con.execute('interface Tunnel 2147483648').output).toContain(INVALID);
    expect(con.execute('interface Loopback2147483648').output).toContain(INVALID);
    expect(con.execute('interface Tunnel0.1').output).toContain(INVALID);
    expect(con.execute('interface Vlan0').output).toContain(INVALID);
    expect(con.execute('interface GigabitEthernet0/0/99999999999').output).toContain(INVALID);
    expect(dev.config().interfaces.map((i) => i.name)).toEqual(['Tunnel0', 'GigabitEthernet1']);
    expect(con.execute('interface Tunnel2147483647').output).toBe('');
    expect(con.prompt()).toBe('R1(config-if)#');
    con.execute('exit');
    expect(con.execute('interface Vlan ?').output).toBe('  <1-4094>  Vlan interface number\n\n');
    expect(con.execute('interface GigabitEthernet1.100').output).toBe('');
    expect(con.prompt()).toBe('R1(config-subif)#');
  });
});

/** Every keyword and parameter reachable in a grammar, with the words before it. */
function entries(g: Grammar): { path: string; help: string }[] {
  const out: { path: string; help: string }[] = [];
  const walk = (node: Grammar['root'], path: string[]): void => {
    for (const e of node.edges) {
      const word = e.elem.kind === 'kw' ? e.elem.word : `<${e.elem.name}>`;
      out.push({ path: [...path, word].join(' '), help: e.help });
      walk(e.node, [...path, word]);
    }
  };
  walk(g.root, []);
  return out;
}

describe('help', () => {
  it('clear crypto ? gives every entry its IOS text', () => {
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('clear crypto ?').output).toBe('  isakmp   Flush the ISAKMP database\n  sa       Clear all crypto SAs\n  session  Clear crypto sessions (tunnels)\n\n');
    expect(con.execute('clear ?').output).toBe('  arp-cache  Clear the entire ARP cache\n  counters   Clear counters on one or all interfaces\n  crypto     Clear crypto\n  ip         IP\n\n');
  });

  it('every keyword and parameter of every EXEC command has help text', () => {
    const missing = entries(execGrammar('priv')).filter((k) => !k.help).map((k) => k.path);
    expect(missing).toEqual([]);
    const con = createConsole(fakeDevice(R1), { privileged: true });
    expect(con.execute('terminal length ?').output).toBe('  <0-512>  Number of lines on screen (0 for no pausing)\n\n');
  });
});

describe('show ip route with a filter', () => {
  it('prints the real gateway of last resort and only the matching routes', () => {
    const dev = fakeDevice(R1);
    dev.ipRoute = () => ROUTES;
    const con = createConsole(dev, { privileged: true });
    const out = con.execute('show ip route ospf').output;
    expect(out).toContain('\nGateway of last resort is 10.0.0.1 to network 0.0.0.0\n');
    expect(out.slice(out.indexOf('Gateway'))).toBe(
      'Gateway of last resort is 10.0.0.1 to network 0.0.0.0\n\n      10.0.0.0/8 is variably subnetted, 5 subnets, 2 masks\nO        10.2.2.0/24 [110/1001] via 172.16.0.2, 00:01:05, Tunnel0\n',
    );
    const st = con.execute('show ip route static').output;
    expect(st.slice(st.indexOf('Gateway'))).toBe('Gateway of last resort is 10.0.0.1 to network 0.0.0.0\n\nS*    0.0.0.0/0 [1/0] via 10.0.0.1\nS     192.168.5.0/24 [1/0] via 10.0.0.1\n                     [1/0] via 10.0.0.2\n');
  });
});
