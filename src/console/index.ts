// Public API of src/console: IOS console sessions and the show/ping formatters.
export { createConsole, formatHelp, modePrompt, INVALID, type Console, type ConsoleOptions, type ConsoleResult, type ConsoleState, type ExecLevel } from './session';
export type { ConsoleDevice } from './device';
export { InvalidArgument } from './errors';
export { networkConsoles, simConsoleDevice } from './sim-adapter';
export { EXEC_RULES, execGrammar, type ExecContext, type ExecData } from './exec-grammar';
export * from './show/types';
export * from './show/crypto-types';
export * from './show/other-types';
export { formatIpInterfaceBrief } from './show/ip-interface-brief';
export { formatInterface, formatInterfaces } from './show/interfaces';
export { formatIpRoute, ROUTE_CODES } from './show/ip-route';
export { formatArp } from './show/arp';
export { formatLogging } from './show/logging';
export { formatRunningConfig } from './show/running-config';
export { formatPing, formatTraceroute } from './show/ping';
export { formatCryptoIsakmpSa, formatCryptoIpsecSa, formatCryptoSession, formatCryptoMap } from './show/crypto-show';
export { formatIpNatTranslations, formatIpOspfNeighbor, formatIpProtocols } from './show/other';
export { dottedMac, iosDuration } from './show/format-utils';
