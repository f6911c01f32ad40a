// crypto ipsec globals that have no other home: NAT transparency.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parse';
import { renderConfig } from '../render';

describe('no crypto ipsec nat-transparency udp-encapsulation', () => {
  it('is a known command: read into the model, written back, never reported unsupported', () => {
    const text = 'hostname R1\n!\nno crypto ipsec nat-transparency udp-encapsulation\n!\n';
    const r = parseConfig(text);
    expect(r.unsupported).toEqual([]);
    expect(r.config.crypto.natTransparencyOff).toBe(true);
    expect(r.config.unknown).toEqual([]);
    const out = renderConfig(r.config);
    expect(out).toContain('\nno crypto ipsec nat-transparency udp-encapsulation\n');
    expect(parseConfig(out).config.crypto.natTransparencyOff).toBe(true);
  });

  it('is on by default and not written; the positive form turns it back on', () => {
    const r = parseConfig('hostname R1\nno crypto ipsec nat-transparency udp-encapsulation\ncrypto ipsec nat-transparency udp-encapsulation\n');
    expect(r.unsupported).toEqual([]);
    expect(r.config.crypto.natTransparencyOff).toBeUndefined();
    expect(renderConfig(r.config)).not.toContain('nat-transparency');
  });
});
