import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse';
import { validateConfig } from './validate';

describe('validateConfig', () => {
  it('finds dangling references with their line numbers', () => {
    const text = 'hostname R\n!\ninterface Tunnel0\n ip address 10.0.0.1 255.255.255.0\n tunnel source Gi9\n tunnel destination 1.1.1.1\n tunnel protection ipsec profile NOPE\n!\ninterface GigabitEthernet1\n ip address 10.0.0.2 255.255.0.0\n!\nip route 10.1.0.0 255.0.255.0 Tunnel0\n';
    const problems = validateConfig(parseConfig(text).config, text);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.lineNo, p.message])).toEqual([
      [3, 'IPsec profile NOPE does not exist'],
      [3, 'tunnel source GigabitEthernet9 does not exist'],
      [9, '10.0.0.2 255.255.0.0 overlaps with Tunnel0'],
      [12, 'Bad mask 255.0.255.0'],
    ]);
  });
  it('accepts the reference lab routers', () => {
    const text = 'hostname R1\ncrypto ipsec transform-set T esp-aes esp-sha-hmac\n mode tunnel\ncrypto ipsec profile P\n set transform-set T\ninterface GigabitEthernet1\n ip address 203.0.113.1 255.255.255.252\ninterface Tunnel0\n ip address 172.16.0.1 255.255.255.252\n tunnel source GigabitEthernet1\n tunnel mode ipsec ipv4\n tunnel destination 203.0.113.2\n tunnel protection ipsec profile P\n';
    expect(validateConfig(parseConfig(text).config, text)).toEqual([]);
  });
});
