// The security association database of one router: the ESP SA pairs the IKE engine negotiated,
// by policy (outbound: the newest pair of a VTI, GRE tunnel or crypto map entry) and by inbound
// SPI (every live pair, so packets protected with an older pair still decrypt while a
// simultaneous negotiation or a rekey settles).
import type { SeededRandom } from '../../crypto/rng';
import { espSaConfigs, type IpsecSaPair } from '../ike';
import { createEspSa, type DfBitPolicy, type EspSa } from '../ipsec/sa';
import type { ProtectedPolicy } from './config';

export interface SaBundle {
  pair: IpsecSaPair;
  policy: ProtectedPolicy;
  inbound: EspSa;
  outbound: EspSa;
  /** Packets that failed inbound before an SA was chosen, or could not be sent (send errors). */
  sendErrors: number;
  recvErrors: number;
}

export class Sad {
  private byPolicy = new Map<string, SaBundle>();
  private bySpi = new Map<number, SaBundle>();
  /** Every bundle ever installed and not removed, oldest first. */
  readonly bundles: SaBundle[] = [];

  install(pair: IpsecSaPair, policy: ProtectedPolicy, rng: SeededRandom, dfBit: DfBitPolicy): SaBundle {
    const { inbound, outbound } = espSaConfigs(pair, rng);
    const b: SaBundle = {
      pair, policy,
      inbound: createEspSa({ ...inbound, dfBit }),
      outbound: createEspSa({ ...outbound, dfBit }),
      sendErrors: 0, recvErrors: 0,
    };
    this.byPolicy.set(pair.policy, b);
    this.bySpi.set(pair.inbound.spi, b);
    this.bundles.push(b);
    return b;
  }

  remove(pair: IpsecSaPair): SaBundle | undefined {
    const b = this.bySpi.get(pair.inbound.spi);
    if (!b) return undefined;
    this.bySpi.delete(pair.inbound.spi);
    this.bundles.splice(this.bundles.indexOf(b), 1);
    if (this.byPolicy.get(pair.policy) === b) {
      const older = this.bundles.filter((x) => x.pair.policy === pair.policy).at(-1);
      if (older) this.byPolicy.set(pair.policy, older);
      else this.byPolicy.delete(pair.policy);
    }
    return b;
  }

  forPolicy(name: string): SaBundle | undefined {
    return this.byPolicy.get(name);
  }

  forSpi(spi: number): SaBundle | undefined {
    return this.bySpi.get(spi);
  }

  clear(): void {
    this.byPolicy.clear();
    this.bySpi.clear();
    this.bundles.length = 0;
  }
}
