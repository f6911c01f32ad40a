// The IKEv1 engine's public surface for the simulation (see engine.ts for the state machine).
export { IkeEngine, formatShowCryptoIsakmpSa, formatShowCryptoIsakmpSaDetail } from './engine';
export { classifyNatTPayload, proxyText, showState } from './util';
export { cipherKeyBits, keymatLength, transformSetText } from './proposals';
export { espSaConfigs } from './esp-handoff';
export type * from './types';
