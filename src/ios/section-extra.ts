// Where a sub-mode keeps the lines the model does not know: the `extra` list of the object it edits.
import type { ConfigMode, ModeContext } from './actions';
import type { IosConfig } from './model';

/** The `extra` list of the object a sub-mode edits. */
export function sectionExtra(config: IosConfig, mode: ConfigMode, ctx: ModeContext): string[] | undefined {
  const c = config.crypto;
  switch (mode) {
    case 'config-if':
      return config.interfaces.find((i) => i.name === ctx.interface)?.extra;
    case 'config-router':
      return config.ospf.find((p) => p.processId === Number(ctx.ospf))?.extra;
    case 'config-isakmp':
      return c.isakmpPolicies.find((p) => p.priority === Number(ctx.policy))?.extra;
    case 'conf-keyring':
      return c.keyrings.find((k) => k.name === ctx.keyring)?.extra;
    case 'conf-isa-prof':
      return c.isakmpProfiles.find((p) => p.name === ctx.profile)?.extra;
    case 'cfg-crypto-trans':
      return c.transformSets.find((t) => t.name === ctx.transformSet)?.extra;
    case 'ipsec-profile':
      return c.ipsecProfiles.find((p) => p.name === ctx.ipsecProfile)?.extra;
    case 'config-crypto-map':
      return c.cryptoMaps.find((m) => m.name === ctx.map && m.seq === Number(ctx.seq))?.extra;
    case 'config-std-nacl':
    case 'config-ext-nacl':
      return config.accessLists.find((l) => l.name === ctx.acl)?.extra;
    default:
      return undefined;
  }
}

