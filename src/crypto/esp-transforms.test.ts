import { describe, expect, it } from 'vitest';
import { ESP_CIPHERS, ESP_INTEGRITIES, findEspCipher, findEspIntegrity } from './esp-transforms.ts';

describe('ESP transform table', () => {
  it('finds ciphers by transform-set keyword and key size, as IOS writes them', () => {
    expect(findEspCipher('esp-aes')?.keyLength).toBe(16);
    expect(findEspCipher('esp-aes', 128)?.id).toBe('esp-aes');
    expect(findEspCipher('esp-aes', 192)?.showName).toBe('esp-192-aes');
    expect(findEspCipher('esp-aes', 256)?.showName).toBe('esp-256-aes');
    expect(findEspCipher('esp-gcm')?.keyLength).toBe(16);
    expect(findEspCipher('esp-gcm', 256)?.showName).toBe('esp-gcm 256');
    expect(findEspCipher('esp-3des')?.keyLength).toBe(24);
    expect(findEspCipher('esp-des')?.keyLength).toBe(8);
    expect(findEspCipher('esp-null')?.ivLength).toBe(0);
    expect(findEspCipher('ESP-AES ')?.id).toBe('esp-aes');
  });

  it('finds ciphers by their show form too', () => {
    expect(findEspCipher('esp-256-aes')?.keyBits).toBe(256);
    expect(findEspCipher('esp-gcm 256')?.keyLength).toBe(32);
  });

  it('refuses unknown names and key sizes IOS does not offer', () => {
    expect(findEspCipher('esp-aes', 512)).toBeUndefined();
    expect(findEspCipher('esp-gcm', 192)).toBeUndefined();
    expect(findEspCipher('esp-3des', 168)).toBeUndefined();
    expect(findEspCipher('esp-seal')).toBeUndefined();
    expect(findEspIntegrity('esp-sha1-hmac')).toBeUndefined();
  });

  it('gives the Wireshark 4.0 esp_sa UAT names', () => {
    expect(findEspCipher('esp-aes', 256)?.wiresharkName).toBe('AES-CBC [RFC3602]');
    expect(findEspCipher('esp-gcm')?.wiresharkName).toBe('AES-GCM with 16 octet ICV [RFC4106]');
    expect(findEspCipher('esp-3des')?.wiresharkName).toBe('TripleDES-CBC [RFC2451]');
    expect(findEspCipher('esp-des')?.wiresharkName).toBe('DES-CBC [RFC2405]');
    expect(findEspCipher('esp-null')?.wiresharkName).toBe('NULL');
    expect(findEspIntegrity('esp-sha-hmac')?.wiresharkName).toBe('HMAC-SHA-1-96 [RFC2404]');
    expect(findEspIntegrity('esp-sha256-hmac')?.wiresharkName).toBe('HMAC-SHA-256-128 [RFC4868]');
    expect(findEspIntegrity('esp-sha384-hmac')?.wiresharkName).toBe('HMAC-SHA-384-192 [RFC4868]');
    expect(findEspIntegrity('esp-sha512-hmac')?.wiresharkName).toBe('HMAC-SHA-512-256 [RFC4868]');
    expect(findEspIntegrity('esp-md5-hmac')?.wiresharkName).toBe('HMAC-MD5-96 [RFC2403]');
  });

  it('has the RFC lengths: IVs, blocks, ICVs, keys', () => {
    const byId = Object.fromEntries(ESP_CIPHERS.map((c) => [c.id, [c.keyLength, c.saltLength, c.ivLength, c.blockSize, c.icvLength]]));
    expect(byId).toEqual({
      'esp-aes': [16, 0, 16, 16, 0],
      'esp-192-aes': [24, 0, 16, 16, 0],
      'esp-256-aes': [32, 0, 16, 16, 0],
      'esp-gcm': [16, 4, 8, 4, 16],
      'esp-gcm-256': [32, 4, 8, 4, 16],
      'esp-3des': [24, 0, 8, 8, 0],
      'esp-des': [8, 0, 8, 8, 0],
      'esp-null': [0, 0, 0, 4, 0],
    });
    const icv = Object.fromEntries(ESP_INTEGRITIES.map((t) => [t.id, [t.keyLength, t.icvLength]]));
    expect(icv).toEqual({
      'esp-sha-hmac': [20, 12],
      'esp-sha256-hmac': [32, 16],
      'esp-sha384-hmac': [48, 24],
      'esp-sha512-hmac': [64, 32],
      'esp-md5-hmac': [16, 12],
    });
  });
});
