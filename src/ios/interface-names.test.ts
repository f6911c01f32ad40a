import { describe, expect, it } from 'vitest';
import { compareInterfaceNames, INTERFACE_TYPES, interfaceNumberValid, normalizeInterfaceName, shortInterfaceName } from './interface-names';

describe('interface names', () => {
  it('expands abbreviations as IOS does', () => {
    expect(normalizeInterfaceName('gi1')).toBe('GigabitEthernet1');
    expect(normalizeInterfaceName('g0/0')).toBe('GigabitEthernet0/0');
    expect(normalizeInterfaceName('GigabitEthernet 0/1')).toBe('GigabitEthernet0/1');
    expect(normalizeInterfaceName('tu0')).toBe('Tunnel0');
    expect(normalizeInterfaceName('lo10')).toBe('Loopback10');
    expect(normalizeInterfaceName('e0')).toBe('Ethernet0');
    expect(normalizeInterfaceName('Te0/0')).toBe('TenGigabitEthernet0/0');
    expect(normalizeInterfaceName('bogus0')).toBeUndefined();
    expect(normalizeInterfaceName('gi')).toBeUndefined();
  });
  it('gives IOS short names', () => {
    expect(shortInterfaceName('GigabitEthernet1')).toBe('Gi1');
    expect(shortInterfaceName('GigabitEthernet0/1')).toBe('Gi0/1');
    expect(shortInterfaceName('Tunnel0')).toBe('Tu0');
    expect(shortInterfaceName('Loopback0')).toBe('Lo0');
    expect(shortInterfaceName('Ethernet0')).toBe('Et0');
  });
  it('orders virtual interfaces first, then by number', () => {
    const names = ['GigabitEthernet10', 'GigabitEthernet2', 'Tunnel1', 'Loopback0', 'GigabitEthernet0/1'];
    expect([...names].sort(compareInterfaceNames)).toEqual(['Loopback0', 'Tunnel1', 'GigabitEthernet0/1', 'GigabitEthernet2', 'GigabitEthernet10']);
  });
  it('keeps interface numbers in IOS ranges', () => {
    const type = (full: string) => INTERFACE_TYPES.find((t) => t.full === full)!;
    expect(interfaceNumberValid(type('Tunnel'), '2147483647')).toBe(true);
    expect(interfaceNumberValid(type('Tunnel'), '2147483648')).toBe(false);
    expect(interfaceNumberValid(type('Tunnel'), '0/1')).toBe(false);
    expect(interfaceNumberValid(type('Loopback'), '0.1')).toBe(false);
    expect(interfaceNumberValid(type('Null'), '1')).toBe(false);
    expect(interfaceNumberValid(type('Vlan'), '0')).toBe(false);
    expect(interfaceNumberValid(type('Vlan'), '4094')).toBe(true);
    expect(interfaceNumberValid(type('GigabitEthernet'), '0/0/1.4294967295')).toBe(true);
    expect(interfaceNumberValid(type('GigabitEthernet'), '1.0')).toBe(false);
    expect(interfaceNumberValid(type('GigabitEthernet'), '1.4294967296')).toBe(false);
    expect(interfaceNumberValid(type('GigabitEthernet'), '99999999999')).toBe(false);
    expect(normalizeInterfaceName('Tunnel99999999999')).toBeUndefined();
    expect(normalizeInterfaceName('tu 2147483647')).toBe('Tunnel2147483647');
  });
});
