import { describe, expect, it } from 'vitest';
import { createConsole } from '../../console';
import { fakeDevice } from '../../console/testing/fake-device';
import { parseConfig, renderConfig } from '../../ios';
import { DEFAULT_LAB } from '../../lab/builtin/default-lab';
import { badWord, runConfigScript } from './config-script';
import {
  cryptoMapCommands,
  cryptoMapValues,
  interfaceCommands,
  interfaceValues,
  isakmpPolicyCommands,
  isakmpPolicyValues,
  natOverloadCommand,
  ospfNetworkCommands,
  staticRouteCommand,
  transformSetCommands,
  transformSetValues,
  tunnelCommands,
  tunnelValues,
} from './form-commands';

const r1 = () => parseConfig(DEFAULT_LAB.devices.find((d) => d.name === 'R1')!.config).config;

describe('form -> IOS command lines', () => {
  it('emits only the changed interface fields, in the interface sub-mode', () => {
    const cfg = r1();
    const before = interfaceValues(cfg.interfaces.find((i) => i.name === 'GigabitEthernet1'));
    expect(interfaceCommands('GigabitEthernet1', before, before)).toEqual([]);
    expect(interfaceCommands('GigabitEthernet1', before, { ...before, mtu: '1400', shutdown: 'yes' })).toEqual(['interface GigabitEthernet1', 'ip mtu 1400', 'shutdown']);
    expect(interfaceCommands('GigabitEthernet1', before, { ...before, description: '' })).toEqual(['interface GigabitEthernet1', 'no description']);
  });

  it('tunnel mode and protection lines', () => {
    const before = tunnelValues(r1().interfaces.find((i) => i.name === 'Tunnel0'));
    expect(before).toEqual({ mode: 'ipsec ipv4', source: 'GigabitEthernet1', destination: '203.0.113.2', profile: 'PROF' });
    expect(tunnelCommands('Tunnel0', before, { ...before, mode: 'gre ip', profile: '' })).toEqual([
      'interface Tunnel0',
      'tunnel mode gre ip',
      'no tunnel protection ipsec profile PROF',
    ]);
  });

  it('the transform set in transport mode changes the model as the console would', () => {
    const cfg = r1();
    const before = transformSetValues(cfg.crypto.transformSets[0]);
    const lines = transformSetCommands(before, { ...before, mode: 'transport' }, false);
    expect(lines).toEqual(['crypto ipsec transform-set TSET esp-aes esp-sha-hmac', 'mode transport']);
    const r = runConfigScript(cfg, lines);
    expect(r.ok).toBe(true);
    if (r.ok) expect(renderConfig(r.config)).toContain(' mode transport');
  });

  it('a new isakmp policy writes every field', () => {
    const v = { ...isakmpPolicyValues(undefined), priority: '20', encryption: 'aes 256' };
    expect(isakmpPolicyCommands(v, v, true)).toEqual(['crypto isakmp policy 20', 'encryption aes 256', 'hash sha', 'authentication pre-share', 'group 14']);
    const r = runConfigScript(r1(), isakmpPolicyCommands(v, v, true));
    expect(r.ok && r.config.crypto.isakmpPolicies.find((p) => p.priority === 20)?.keyLength).toBe(256);
  });

  it('crypto map, route, OSPF and NAT lines run through the grammar', () => {
    const cfg = r1();
    const v = { ...cryptoMapValues(undefined, cfg), name: 'CMAP', peer: '198.51.100.2', transformSet: 'TSET', acl: '101', interface: 'GigabitEthernet1' };
    const lines = [
      ...cryptoMapCommands(v, v, true),
      ...staticRouteCommand({ prefix: '10.9.0.0', mask: '255.255.0.0', nextHop: '203.0.113.2' }),
      ...ospfNetworkCommands('1', { address: '10.1.1.0', wildcard: '0.0.0.255', area: '0' }),
      ...natOverloadCommand('1', 'GigabitEthernet1'),
    ];
    const r = runConfigScript(cfg, lines);
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.config.crypto.cryptoMaps[0]).toMatchObject({ name: 'CMAP', seq: 10, peers: ['198.51.100.2'], transformSets: ['TSET'], matchAddress: '101' });
    expect(r.config.interfaces.find((i) => i.name === 'GigabitEthernet1')?.cryptoMap).toBe('CMAP');
    expect(r.config.routes.some((x) => x.prefix === '10.9.0.0' && x.nextHop === '203.0.113.2')).toBe(true);
    expect(r.config.ospf[0]?.networks).toEqual([{ address: '10.1.1.0', wildcard: '0.0.0.255', area: '0' }]);
    expect(r.config.nat.insideSourceLists[0]).toMatchObject({ acl: '1', interface: 'GigabitEthernet1', overload: true });
  });
});

describe('form errors are the console errors', () => {
  const cases: string[][] = [
    ['interface GigabitEthernet1', 'ip address 10.0.0.300 255.255.255.0'],
    ['interface GigabitEthernet1', 'ip mtu 40'],
    ['crypto ipsec transform-set TSET esp-aes esp-sha-hmac', 'mode sideways'],
    ['interface Tunnel0', 'tunnel destination'],
    ['ip route 10.0.0.0 255.0.0.0 banana'],
  ];
  for (const lines of cases) {
    it(`same text as the console for "${lines.at(-1)}"`, () => {
      const r = runConfigScript(r1(), lines);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const con = createConsole(fakeDevice(DEFAULT_LAB.devices.find((d) => d.name === 'R1')!.config), { privileged: true });
      con.execute('configure terminal');
      let last = '';
      for (const l of lines) last = `${con.prompt()}${l}\n${con.execute(l).output}`;
      expect(last.trimEnd()).toBe(r.transcript);
    });
  }

  it('puts the caret under the bad word', () => {
    const r = runConfigScript(r1(), ['interface GigabitEthernet1', 'ip address 10.0.0.300 255.255.255.0']);
    if (r.ok) throw new Error('accepted a bad address');
    const [cmd, caret, message] = r.transcript.split('\n');
    expect(cmd).toBe('R1(config-if)#ip address 10.0.0.300 255.255.255.0');
    expect(caret!.indexOf('^')).toBe(cmd!.indexOf('10.0.0.300'));
    expect(message).toBe("% Invalid input detected at '^' marker.");
    expect(badWord(r.transcript)).toBe('10.0.0.300');
    expect(badWord('R1(config)#foo\n% Incomplete command.')).toBeNull();
  });
});
