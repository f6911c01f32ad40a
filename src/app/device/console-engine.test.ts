import { describe, expect, it } from 'vitest';
import type { LabAction } from '../../lab/actions';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { createDocumentStore } from '../state/document-store';
import { applyLinesToDevice } from './apply-config';
import { createLabConsoles } from './console-engine';
import { appendScrollback, createConsoleSessionsStore } from './console-store';
import type { ConsoleTraffic } from './console-traffic';

function setup() {
  const store = createDocumentStore(DEFAULT_LAB);
  let wall = 0;
  const doc = {
    lab: () => store.getState().lab,
    dispatch: (a: LabAction) => store.getState().dispatch(a),
    dispatchAll: (a: LabAction[]) => store.getState().dispatchAll(a),
  };
  const traffic: ConsoleTraffic[] = [];
  const consoles = createLabConsoles(doc, { wallClock: () => wall, onRename: (from, to) => renames.push([from, to]), onTraffic: (t) => traffic.push(t) });
  const renames: [string, string][] = [];
  store.subscribe((s, p) => {
    if (s.lab !== p.lab) printed.push(...(consoles.documentChanged(s.lab) ?? []));
  });
  const printed: [string, string][] = [];
  const config = (name: string) => store.getState().lab.devices.find((d) => d.name === name)!.config;
  return { store, doc, consoles, config, printed, renames, traffic, tick: (s: number) => (wall += s * 1000) };
}

describe('lab consoles', () => {
  it('runs exec commands on the simulated lab', () => {
    const { consoles } = setup();
    expect(consoles.prompt('R1')).toBe('R1#');
    const r = consoles.execute('R1', 'show ip interface brief');
    expect(r.echo).toBe('R1#show ip interface brief');
    expect(r.output).toMatch(/^Interface\s+IP-Address\s+OK\? Method Status\s+Protocol/);
    expect(r.output).toMatch(/GigabitEthernet1\s+203\.0\.113\.1\s+YES NVRAM\s+up\s+up/);
  });

  it('config commands become one undoable setConfig each; undo reverts the console view too', () => {
    const { store, consoles, config } = setup();
    for (const l of ['conf t', 'interface Tunnel0']) consoles.execute('R1', l);
    const depth = store.getState().past.length;
    consoles.execute('R1', 'tunnel mode gre ip');
    expect(store.getState().past.length).toBe(depth + 1);
    // The device reacts and logs as IOS does, in the console's output.
    const out = consoles.execute('R1', 'shutdown');
    expect(out.output).toContain('%LINK-5-CHANGED: Interface Tunnel0, changed state to administratively down');
    expect(store.getState().past.length).toBe(depth + 2);
    store.getState().undo();
    expect(config('R1')).not.toContain('tunnel mode ipsec ipv4');
    expect(consoles.prompt('R1')).toBe('R1(config-if)#');
    consoles.execute('R1', 'end');
    expect(consoles.execute('R1', 'show running-config').output).not.toContain('tunnel mode ipsec ipv4');
    store.getState().undo();
    expect(config('R1')).toContain('tunnel mode ipsec ipv4');
    expect(consoles.execute('R1', 'show running-config').output).toContain('tunnel mode ipsec ipv4');
  });

  it('a form change reaches the console and its log lines are printed there', () => {
    const { doc, consoles, printed } = setup();
    consoles.execute('R1', 'show version');
    const r = applyLinesToDevice(doc, 'R1', ['interface GigabitEthernet1', 'shutdown']);
    expect(r).toMatchObject({ ok: true, changed: true });
    const r1Logs = printed.filter(([d]) => d === 'R1').map(([, t]) => t).join('');
    expect(r1Logs).toContain('%LINK-5-CHANGED: Interface GigabitEthernet1, changed state to administratively down');
    expect(consoles.execute('R1', 'show ip interface brief').output).toMatch(/GigabitEthernet1\s+203\.0\.113\.1\s+YES NVRAM\s+administratively down\s+down/);
  });

  it('invalid console input changes nothing in the document', () => {
    const { store, consoles } = setup();
    consoles.execute('R1', 'configure terminal');
    consoles.execute('R1', 'interface GigabitEthernet1');
    const before = store.getState().lab;
    const r = consoles.execute('R1', 'ip address 10.0.0.300 255.255.255.0');
    expect(r.output).toContain("% Invalid input detected at '^' marker.");
    expect(store.getState().lab).toBe(before);
  });

  it('keeps history and mode per device; help and Tab completion', () => {
    const { consoles } = setup();
    consoles.execute('R1', 'conf t');
    consoles.execute('R2', 'show clock');
    expect(consoles.prompt('R1')).toBe('R1(config)#');
    expect(consoles.prompt('R2')).toBe('R2#');
    expect(consoles.history('R1')).toEqual(['conf t']);
    expect(consoles.help('R2', 'show ip ').output).toContain('interface');
    expect(consoles.completeLine('R2', 'sh')).toBe('show ');
  });

  it('hostname renames the device, links included, as one undo step; the session follows', () => {
    const { store, consoles, renames } = setup();
    consoles.execute('R1', 'configure terminal');
    const depth = store.getState().past.length;
    const r = consoles.execute('R1', 'hostname EDGE1');
    expect(r.device).toBe('EDGE1');
    expect(renames).toEqual([['R1', 'EDGE1']]);
    expect(consoles.prompt('EDGE1')).toBe('EDGE1(config)#');
    const lab = store.getState().lab;
    expect(lab.devices.map((d) => d.name)).toContain('EDGE1');
    expect(lab.links.some((l) => l.a === 'EDGE1 GigabitEthernet1' || l.b === 'EDGE1 GigabitEthernet1')).toBe(true);
    expect(store.getState().past.length).toBe(depth + 1);
    expect(consoles.execute('EDGE1', 'do show ip interface brief').output).toMatch(/GigabitEthernet1\s+203\.0\.113\.1/);
    expect(consoles.execute('EDGE1', 'hostname bad<name>').output).toMatch(/^%|\^/m);
  });

  it('idle consoles print log lines as simulated time follows the wall clock', () => {
    const { consoles, tick } = setup();
    // OSPF over the VTI: the adjacency forms seconds after the config, while nobody types.
    for (const d of ['R1', 'R2']) for (const l of ['conf t', 'router ospf 1', 'network 172.16.0.0 0.0.0.3 area 0', 'end']) consoles.execute(d, l);
    expect(consoles.tick().size).toBe(0);
    const printed = new Map<string, string>();
    for (let i = 0; i < 6; i++) {
      tick(10);
      for (const [d, t] of consoles.tick()) printed.set(d, (printed.get(d) ?? '') + t);
    }
    expect(printed.get('R1')).toMatch(/%OSPF-5-ADJCHG: Process 1, Nbr 203\.0\.113\.2 on Tunnel0 from LOADING to FULL, Loading Done/);
    expect(printed.get('R2')).toMatch(/%OSPF-5-ADJCHG: Process 1, Nbr 203\.0\.113\.1 on Tunnel0 from LOADING to FULL/);
  });

  it('a new device waits for the next command to rebuild the network, and the sessions live on', () => {
    const { store, consoles } = setup();
    consoles.execute('R1', 'conf t');
    const before = consoles.network();
    store.getState().dispatch({ type: 'addDevice', kind: 'router', x: 0, y: 0 });
    expect(consoles.tick().size).toBe(0);
    expect(consoles.prompt('R1')).toBe('R1(config)#');
    expect(consoles.network()).not.toBe(before);
    expect(consoles.execute('R1', 'do show ip interface brief').output).toMatch(/GigabitEthernet1\s+203\.0\.113\.1/);
  });

  it('simulated time follows the wall clock between commands', () => {
    const { consoles, tick } = setup();
    const t0 = consoles.network().now;
    tick(5);
    consoles.execute('R1', 'show clock');
    expect(consoles.network().now - t0).toBe(5_000_000);
  });
});

describe('console scrollback', () => {
  it('appends per device and keeps the tail at a line start', () => {
    const s = createConsoleSessionsStore();
    s.getState().append('R1', 'R1#a\nout\n');
    s.getState().append('R2', 'R2#b\n');
    expect(s.getState().transcripts.R1).toBe('R1#a\nout\n');
    s.getState().keepOnly(['R2']);
    expect(s.getState().transcripts.R1).toBeUndefined();
    expect(appendScrollback('line1\nline2\n', 'line3\n', 10)).toBe('line3\n');
  });

  it('the Ping form runs on the consoles\u2019 simulation: ARP and IPsec stay up, and the counters count it', () => {
    const { consoles } = setup();
    const ping = { kind: 'ping' as const, source: 'H1', destination: 'H2', count: 5, size: 100 };
    const first = consoles.runTraffic(ping);
    const second = consoles.runTraffic(ping);
    expect(first.ok && first.summary[0]).toBe('..!!!');
    expect(second.ok && second.summary[0]).toBe('!!!!!');
    // The second run's records are that run only: five echoes out through R1's tunnel, no ARP.
    if (!second.ok) return;
    expect(second.records.filter((r) => r.device === 'R1' && r.point === 'Encap').length).toBeGreaterThanOrEqual(5);
    expect(second.records.some((r) => r.protocol === 'ARP')).toBe(false);
    const sa = consoles.execute('R1', 'show crypto ipsec sa').output;
    expect(sa).toMatch(/#pkts encaps: 9, #pkts encrypt: 9/);
  });

  it('"with start-up" restarts the lab and keeps IKE in the records', async () => {
    const { consoles } = setup();
    const ping = { kind: 'ping' as const, source: 'H1', destination: 'H2', count: 5, size: 100 };
    consoles.runTraffic(ping);
    await consoles.boot({ restart: true });
    const again = consoles.runTraffic({ ...ping, startup: true });
    expect(again.ok && again.summary[0]).toBe('..!!!');
    expect(again.ok && again.records.some((r) => r.protocol.includes('ISAKMP'))).toBe(true);
    expect(consoles.execute('R1', 'show crypto ipsec sa').output).toMatch(/#pkts encaps: 4,/);
  });

  it('a ping typed at a console hands its packets to the packet view, like the form', () => {
    const { consoles, traffic } = setup();
    consoles.execute('H1', 'ping 10.2.2.10 repeat 3');
    expect(traffic).toHaveLength(1);
    const t = traffic[0]!;
    expect(t.request).toMatchObject({ kind: 'ping', source: 'H1', destination: '10.2.2.10', count: 3 });
    expect(t.target).toBe('10.2.2.10');
    expect(t.summary[0]).toMatch(/^[.!]{3}$/);
    expect(t.summary[1]).toMatch(/^Success rate is \d+ percent \(\d\/3\)/);
    expect(t.records.some((r) => r.device === 'R1' && r.protocol.includes('ESP'))).toBe(true);
    consoles.execute('R1', 'show ip route');
    expect(traffic).toHaveLength(1);
  });
});
