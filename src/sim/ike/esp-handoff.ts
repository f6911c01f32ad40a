// Turns a negotiated IpsecSaPair into the two ESP SA configurations of src/sim/ipsec (one per
// direction), so the datapath can build EspSa objects straight from an 'ipsec-up' event.
import { findEspCipher, findEspIntegrity } from '../../crypto/esp-transforms';
import type { SeededRandom } from '../../crypto/rng';
import { formatIp } from '../addr';
import type { EspSaConfig } from '../ipsec/sa';
import type { EspKeys, IpsecSaPair } from './types';

export function espSaConfigs(pair: IpsecSaPair, rng: SeededRandom): { inbound: EspSaConfig; outbound: EspSaConfig } {
  const cipher = findEspCipher(pair.cipher, pair.keyBits) ?? findEspCipher(pair.cipher);
  if (!cipher) throw new RangeError(`no ESP cipher for ${pair.cipher} ${pair.keyBits}`);
  const integrity = pair.integrity ? (findEspIntegrity(pair.integrity) ?? null) : null;
  const keys = (k: EspKeys) => (k.integrityKey.length ? { encryptionKey: k.encryptionKey, integrityKey: k.integrityKey } : { encryptionKey: k.encryptionKey });
  const local = formatIp(pair.local);
  const peer = formatIp(pair.peer);
  const udp = pair.udpEncap;
  const base = { mode: pair.mode, cipher, integrity };
  return {
    outbound: {
      ...base,
      spi: pair.outbound.spi,
      keys: keys(pair.outbound),
      source: local,
      destination: peer,
      ...(udp ? { udpEncap: { srcPort: udp.localPort, dstPort: udp.remotePort } } : {}),
      rng: rng.fork(`esp-out-${pair.outbound.spi}`),
    },
    inbound: {
      ...base,
      spi: pair.inbound.spi,
      keys: keys(pair.inbound),
      source: peer,
      destination: local,
      ...(udp ? { udpEncap: { srcPort: udp.remotePort, dstPort: udp.localPort } } : {}),
      rng: rng.fork(`esp-in-${pair.inbound.spi}`),
    },
  };
}
