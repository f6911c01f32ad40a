// The IOS ESP transforms as data: names (IOS config, IOS show, Wireshark's esp_sa UAT, IKEv1
// transform numbers) and the lengths that decide the packet layout and the overhead math.
// The operations on bytes are in esp-suite.ts.

export type EspCipherId = 'esp-aes' | 'esp-192-aes' | 'esp-256-aes' | 'esp-gcm' | 'esp-gcm-256' | 'esp-3des' | 'esp-des' | 'esp-null';
export type EspIntegrityId = 'esp-sha-hmac' | 'esp-sha256-hmac' | 'esp-sha384-hmac' | 'esp-sha512-hmac' | 'esp-md5-hmac';

export type EspCipherAlgorithm = 'aes-cbc' | 'aes-gcm' | '3des-cbc' | 'des-cbc' | 'null';
export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'md5';

export interface EspCipherTransform {
  /** A stable id: the IOS keyword with the key size folded in. */
  readonly id: EspCipherId;
  /** The transform-set keyword, e.g. "esp-aes" (`esp-aes 256` is iosName + keyBits). */
  readonly iosName: 'esp-aes' | 'esp-gcm' | 'esp-3des' | 'esp-des' | 'esp-null';
  /** Key size as written after the keyword in a transform set, when IOS takes one. */
  readonly keyBits?: number;
  /** How `show crypto ipsec sa` names it: "esp-aes", "esp-256-aes", "esp-gcm 256", ... */
  readonly showName: string;
  /** Wireshark 4.0 esp_sa "Encryption algorithm" value, exactly as its UAT spells it. */
  readonly wiresharkName: string;
  readonly algorithm: EspCipherAlgorithm;
  /** Cipher key bytes, without the GCM salt. */
  readonly keyLength: number;
  /** RFC 4106 salt taken from KEYMAT after the key (GCM only). */
  readonly saltLength: number;
  /** IV bytes sent in each packet (GCM: the 8-byte explicit IV). */
  readonly ivLength: number;
  /** Alignment of payload + trailer: the cipher block, or 4 (RFC 4303 2.4) for stream/AEAD/NULL. */
  readonly blockSize: number;
  /** ICV bytes the cipher itself produces (GCM: 16); 0 when integrity is a separate HMAC. */
  readonly icvLength: number;
  /** Combined mode (GCM): no separate integrity transform is allowed. */
  readonly aead: boolean;
  /** RFC 2407 4.4.4 ESP transform ID (with RFC 4106 for GCM), for IKEv1 quick mode. */
  readonly ikeTransformId: number;
}

export interface EspIntegrityTransform {
  readonly id: EspIntegrityId;
  readonly iosName: EspIntegrityId;
  /** Wireshark 4.0 esp_sa "Authentication algorithm" value. */
  readonly wiresharkName: string;
  readonly hash: HashName;
  /** Key bytes from KEYMAT (the hash output size: RFC 2404, 2403, 4868). */
  readonly keyLength: number;
  /** Truncated ICV bytes on the wire. */
  readonly icvLength: number;
  /** RFC 2407 4.5 "Authentication Algorithm" SA attribute value (RFC 4868 for SHA-2). */
  readonly ikeAuthAlgorithm: number;
}

/** Wireshark's esp_sa value for "no authentication" (also the one to use with AES-GCM). */
export const WIRESHARK_NULL = 'NULL';

const aes = (keyBits: 128 | 192 | 256, id: EspCipherId, showName: string): EspCipherTransform => ({
  id, iosName: 'esp-aes', keyBits, showName, wiresharkName: 'AES-CBC [RFC3602]', algorithm: 'aes-cbc',
  keyLength: keyBits / 8, saltLength: 0, ivLength: 16, blockSize: 16, icvLength: 0, aead: false, ikeTransformId: 12,
});

const gcm = (keyBits: 128 | 256, id: EspCipherId, showName: string): EspCipherTransform => ({
  id, iosName: 'esp-gcm', keyBits, showName, wiresharkName: 'AES-GCM with 16 octet ICV [RFC4106]', algorithm: 'aes-gcm',
  keyLength: keyBits / 8, saltLength: 4, ivLength: 8, blockSize: 4, icvLength: 16, aead: true, ikeTransformId: 20,
});

export const ESP_CIPHERS: readonly EspCipherTransform[] = [
  aes(128, 'esp-aes', 'esp-aes'),
  aes(192, 'esp-192-aes', 'esp-192-aes'),
  aes(256, 'esp-256-aes', 'esp-256-aes'),
  gcm(128, 'esp-gcm', 'esp-gcm'),
  gcm(256, 'esp-gcm-256', 'esp-gcm 256'),
  {
    id: 'esp-3des', iosName: 'esp-3des', showName: 'esp-3des', wiresharkName: 'TripleDES-CBC [RFC2451]', algorithm: '3des-cbc',
    keyLength: 24, saltLength: 0, ivLength: 8, blockSize: 8, icvLength: 0, aead: false, ikeTransformId: 3,
  },
  {
    id: 'esp-des', iosName: 'esp-des', showName: 'esp-des', wiresharkName: 'DES-CBC [RFC2405]', algorithm: 'des-cbc',
    keyLength: 8, saltLength: 0, ivLength: 8, blockSize: 8, icvLength: 0, aead: false, ikeTransformId: 2,
  },
  {
    id: 'esp-null', iosName: 'esp-null', showName: 'esp-null', wiresharkName: 'NULL', algorithm: 'null',
    keyLength: 0, saltLength: 0, ivLength: 0, blockSize: 4, icvLength: 0, aead: false, ikeTransformId: 11,
  },
];

export const ESP_INTEGRITIES: readonly EspIntegrityTransform[] = [
  { id: 'esp-sha-hmac', iosName: 'esp-sha-hmac', wiresharkName: 'HMAC-SHA-1-96 [RFC2404]', hash: 'sha1', keyLength: 20, icvLength: 12, ikeAuthAlgorithm: 2 },
  { id: 'esp-sha256-hmac', iosName: 'esp-sha256-hmac', wiresharkName: 'HMAC-SHA-256-128 [RFC4868]', hash: 'sha256', keyLength: 32, icvLength: 16, ikeAuthAlgorithm: 5 },
  { id: 'esp-sha384-hmac', iosName: 'esp-sha384-hmac', wiresharkName: 'HMAC-SHA-384-192 [RFC4868]', hash: 'sha384', keyLength: 48, icvLength: 24, ikeAuthAlgorithm: 6 },
  { id: 'esp-sha512-hmac', iosName: 'esp-sha512-hmac', wiresharkName: 'HMAC-SHA-512-256 [RFC4868]', hash: 'sha512', keyLength: 64, icvLength: 32, ikeAuthAlgorithm: 7 },
  { id: 'esp-md5-hmac', iosName: 'esp-md5-hmac', wiresharkName: 'HMAC-MD5-96 [RFC2403]', hash: 'md5', keyLength: 16, icvLength: 12, ikeAuthAlgorithm: 1 },
];

/**
 * The cipher for a transform-set keyword and optional key size, as IOS writes it:
 * `findEspCipher('esp-aes')` (128), `findEspCipher('esp-aes', 256)`, `findEspCipher('esp-gcm', 256)`.
 * Also accepts the show form ("esp-256-aes", "esp-gcm 256") and the ids. Undefined if unknown.
 */
export function findEspCipher(name: string, keyBits?: number): EspCipherTransform | undefined {
  const n = name.trim().toLowerCase();
  if (keyBits === undefined) {
    return ESP_CIPHERS.find((c) => c.id === n || c.showName === n) ?? ESP_CIPHERS.find((c) => c.iosName === n);
  }
  return ESP_CIPHERS.find((c) => c.iosName === n && c.keyBits === keyBits);
}

/** The integrity transform for an IOS keyword such as "esp-sha-hmac". */
export function findEspIntegrity(name: string): EspIntegrityTransform | undefined {
  const n = name.trim().toLowerCase();
  return ESP_INTEGRITIES.find((t) => t.iosName === n);
}

export function espCipher(id: EspCipherId): EspCipherTransform {
  return ESP_CIPHERS.find((c) => c.id === id)!;
}

export function espIntegrity(id: EspIntegrityId): EspIntegrityTransform {
  return ESP_INTEGRITIES.find((t) => t.id === id)!;
}
