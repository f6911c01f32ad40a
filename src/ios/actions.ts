// Actions as data: every configuration command, whether it comes from a config file, the console
// or a form, resolves to one ConfigAction, and applyAction is the single place that changes the
// model. An action is plain JSON (mode, context, command id, arguments, negation).
import type { IosConfig } from './model';

export type ConfigMode =
  | 'config'
  | 'config-if'
  | 'config-router'
  | 'config-isakmp'
  | 'conf-keyring'
  | 'conf-isa-prof'
  | 'cfg-crypto-trans'
  | 'ipsec-profile'
  | 'config-crypto-map'
  | 'config-std-nacl'
  | 'config-ext-nacl';

/** Which object a sub-mode edits: { interface: 'Tunnel0' }, { map: 'M', seq: '10' }, ... */
export type ModeContext = Record<string, string>;

export interface ConfigAction {
  mode: ConfigMode;
  context: ModeContext;
  /** Rule id, e.g. 'if.ip-address', 'global.ip-route'. */
  cmd: string;
  args: Record<string, string>;
  no: boolean;
}

export interface ApplyResult {
  /** IOS's complaint, printed by the console (e.g. `% Invalid input ...` is not used here). */
  error?: string;
  /** The sub-mode this command enters, if any. */
  enter?: { mode: ConfigMode; context: ModeContext };
  /** Lines IOS prints on success (warnings such as `% NOTE: ...`). */
  notes?: string[];
}

/** How a rule changes the model. Appliers mutate `config` in place (callers clone if needed). */
export type Applier = (config: IosConfig, action: ConfigAction) => ApplyResult | void;

export interface ConfigRuleData {
  apply: Applier;
}
