// IOS NAT as a simulation plugin (extensions.ts): a NatTable per device with `ip nat inside` /
// `ip nat outside` interfaces, run as an interface feature in IOS order -- outside to inside in
// the input stage (translate, then route), inside to outside in the output stage (routed, then
// translated). The output stage needs the interface the packet came in on, which the feature
// context does not carry, so the input stage remembers it by packet id.
//
// Static and pool global addresses are answered for with ARP on the outside interface they
// belong to (IOS does the same for `ip nat inside source static`).
import type { Device } from '../device';
import type { FeatureContext, FeatureVerdict, SimPlugin } from '../extensions';
import { inPrefix, parseIp } from '../addr';
import { natTranslationRows, type NatTranslationRowData } from './show';
import { NatTable, type NatResult, type NatTranslation } from './table';

const INGRESS_MEMORY = 4096;

export class NatRuntime {
  readonly table: NatTable;
  /** Ingress interface by packet id, for packets seen in the input stage and not yet output. */
  private ingress = new Map<number, string>();

  constructor(readonly device: Device) {
    this.table = new NatTable(device.config, device.now);
    device.addFeature({ name: 'ip nat', input: (ctx) => this.input(ctx), output: (ctx) => this.output(ctx) });
    device.onConfigChange(() => {
      this.table.configure(device.config, device.now);
      this.addArpAliases();
    });
    this.addArpAliases();
  }

  private addArpAliases(): void {
    const outsides = this.device.config.interfaces.filter((i) => i.natRole === 'outside');
    const globals: number[] = [];
    for (const s of this.device.config.nat.insideStatic) {
      const g = parseIp(s.global);
      if (g !== undefined) globals.push(g);
    }
    for (const p of this.device.config.nat.pools) {
      const a = parseIp(p.start);
      const b = parseIp(p.end);
      if (a !== undefined && b !== undefined && b - a < 256) for (let x = a; x <= b; x++) globals.push(x);
    }
    for (const g of globals) {
      for (const o of outsides) {
        const addr = this.device.iface(o.name)?.address;
        if (addr && inPrefix(g, addr.ip, addr.prefixLength)) this.device.addArpAlias(g, o.name);
      }
    }
  }

  private verdict(r: NatResult): FeatureVerdict {
    if ('drop' in r) return { action: 'drop', reason: r.drop };
    return r.translated ? { action: 'continue', bytes: r.packet, decision: r.decision } : { action: 'continue' };
  }

  private input(ctx: FeatureContext): FeatureVerdict {
    const role = this.table.roleOf(ctx.iface.name);
    if (role === 'inside') {
      if (this.ingress.size >= INGRESS_MEMORY) this.ingress.delete(this.ingress.keys().next().value!);
      this.ingress.set(ctx.packetId, ctx.iface.name);
      return { action: 'continue' };
    }
    if (role !== 'outside') return { action: 'continue' };
    return this.verdict(this.table.translateOutsideToInside(ctx.bytes, { now: this.device.now, ingress: ctx.iface.name }));
  }

  private output(ctx: FeatureContext): FeatureVerdict {
    const ingress = this.ingress.get(ctx.packetId);
    if (ingress === undefined) return { action: 'continue' };
    this.ingress.delete(ctx.packetId);
    return this.verdict(this.table.translateInsideToOutside(ctx.bytes, { now: this.device.now, ingress, egress: ctx.iface.name }));
  }

  translations(): NatTranslation[] {
    return this.table.translations(this.device.now);
  }

  /** Rows for the console's `show ip nat translations`. */
  rows(): NatTranslationRowData[] {
    return natTranslationRows(this.translations());
  }
}

const runtimes = new WeakMap<Device, NatRuntime>();

/** The NAT runtime of a device (`show ip nat translations`), when it has NAT interfaces. */
export function natOf(device: Device): NatRuntime | undefined {
  return runtimes.get(device);
}

export const natPlugin: SimPlugin = {
  name: 'nat',
  attach(device) {
    // Any device may run NAT (a `nat` box or a router with ip nat lines); hosts do not route.
    if (!device.config.ipRouting) return;
    const rt = new NatRuntime(device);
    runtimes.set(device, rt);
    Object.assign(device, { natTranslations: () => rt.rows() });
  },
};

