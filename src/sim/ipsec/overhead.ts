// ESP length arithmetic from the transform numbers alone (IV, block, ICV), so the overhead the
// lab shows and the `plaintext mtu` of `show crypto ipsec sa` follow from the same numbers the
// packets are built with. Checked against ../shared/reference/plaintext_mtu_datapoints.txt.
import type { EspCipherTransform, EspIntegrityTransform } from '../../crypto/esp-transforms';
import { ESP_HEADER_LEN, espPlaintextLength } from '../../wire/esp';
import { IPV4_HEADER_LEN } from '../../wire/ipv4';
import { UDP_HEADER_LEN } from '../../wire/udp';
import type { EspMode } from './sa';

export interface EspTransforms {
  cipher: EspCipherTransform;
  integrity: EspIntegrityTransform | null;
}

export const espIcvLength = (t: EspTransforms): number => t.cipher.icvLength + (t.integrity?.icvLength ?? 0);

/**
 * Total IPv4 length after ESP for an inner IPv4 packet of `innerLength` bytes (a 20-byte header
 * assumed in transport mode, whose payload is what ESP carries).
 */
export function espPacketLength(innerLength: number, t: EspTransforms, mode: EspMode, natT = false): number {
  const protectedLength = mode === 'tunnel' ? innerLength : innerLength - IPV4_HEADER_LEN;
  return IPV4_HEADER_LEN + (natT ? UDP_HEADER_LEN : 0) + ESP_HEADER_LEN + t.cipher.ivLength + espPlaintextLength(protectedLength, t.cipher.blockSize) + espIcvLength(t);
}

/** Bytes ESP adds to an inner packet of `innerLength` bytes. */
export const espOverhead = (innerLength: number, t: EspTransforms, mode: EspMode, natT = false): number =>
  espPacketLength(innerLength, t, mode, natT) - innerLength;

/**
 * IOS `plaintext mtu`: the largest inner packet that still fits the path MTU once protected.
 * Tunnel: floor((path - 20 - 8[NAT-T] - 8 - IV - ICV) / block) * block - 2; transport adds back
 * the 20-byte header it keeps.
 */
export function plaintextMtu(pathMtu: number, t: EspTransforms, mode: EspMode, natT = false): number {
  const room = pathMtu - IPV4_HEADER_LEN - (natT ? UDP_HEADER_LEN : 0) - ESP_HEADER_LEN - t.cipher.ivLength - espIcvLength(t);
  const block = t.cipher.blockSize;
  const tunnelMtu = Math.floor(room / block) * block - 2;
  return mode === 'tunnel' ? tunnelMtu : tunnelMtu + IPV4_HEADER_LEN;
}
