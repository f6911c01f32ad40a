// The built-in lab library: one lab (at least) for each question of the forum thread.
import { GRE_IPSEC_TRANSPORT, GRE_IPSEC_TUNNEL } from './gre-ipsec';
import { HOSTS_CANNOT_PING } from './hosts-cannot-ping';
import { HUB_VTI_AND_MAP } from './hub-spokes';
import { NAT_T_STATIC } from './nat-t';
import { NAT_T_PAT } from './nat-t-pat';
import { OSPF_VTI_VS_MAP } from './ospf-vti-vs-map';
import type { BuiltinLab } from './types';
import { VTI_NO_PROTECTION } from './vti-no-protection';
import { VTI_STATIC } from './vti-static';

export type { BuiltinLab } from './types';

export const BUILTIN_LABS: readonly BuiltinLab[] = [
  VTI_STATIC,
  GRE_IPSEC_TRANSPORT,
  GRE_IPSEC_TUNNEL,
  VTI_NO_PROTECTION,
  NAT_T_STATIC,
  NAT_T_PAT,
  OSPF_VTI_VS_MAP,
  HUB_VTI_AND_MAP,
  HOSTS_CANNOT_PING,
];

export const builtinLab = (id: string): BuiltinLab | undefined => BUILTIN_LABS.find((l) => l.id === id);
