// The IKEv1 engine's public surface for the simulation (see engine.ts for the state machine).
//
// One IkeEngine per router, built from its config and a forked SeededRandom:
//   const ike = new IkeEngine({ policies, keys, ipsec }, rng.fork('ike'));
// Drive it with the scheduler's clock (SimTime, microseconds):
//   - a crypto map's first matching packet, or a VTI coming up: ike.initiate(policy, now)
//   - a UDP datagram to one of our addresses on port 500, or on 4500 when
//     classifyNatTPayload(payload) === 'ike': ike.receive({ srcIp, srcPort, dstIp, dstPort, payload }, now)
//   - at ike.nextTimerAt(): ike.tick(now)
// Every call returns { send, logs, events }: send each datagram from srcIp:srcPort (the payload
// already carries the non-ESP marker on 4500), print the logs (syslog always, debug when
// `debug crypto isakmp|ipsec` is on), and act on events: 'ipsec-up' gives an IpsecSaPair, which
// espSaConfigs() turns into the ESP layer's two SA configs; 'failure' carries a plain-English
// explanation for the hop. ike.isakmpSas(now) feeds `show crypto isakmp sa`;
// ike.ikev1DecryptionTable() the `--ike-keys` file.
export { IkeEngine, formatShowCryptoIsakmpSa, formatShowCryptoIsakmpSaDetail } from './engine';
export { classifyNatTPayload, proxyText, showState } from './util';
export { cipherKeyBits, keymatLength, transformSetText } from './proposals';
export { espSaConfigs } from './esp-handoff';
export type * from './types';
