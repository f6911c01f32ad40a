// IOS NAT for the simulation: the translation table (pure, clock passed in), its plugin, the rows `show ip nat translations` prints.
export { NatTable } from './table';
export type { NatConfigSource, NatResult, NatTranslation, InsideToOutsideContext, OutsideToInsideContext } from './table';
export { NAT_TIMEOUTS } from './timeouts';
export { aclPermits, aclDecision } from './acl-match';
export { natPlugin, natOf, NatRuntime } from './plugin';
export { natTranslationRows } from './show';
export type { NatTranslationRowData } from './show';
