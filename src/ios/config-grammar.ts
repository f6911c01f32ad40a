// The configuration grammar: every config-mode rule, one trie per mode, and the single entry
// point that turns a line typed in a mode into a ConfigAction and applies it.
import type { ApplyResult, ConfigAction, ConfigMode, ConfigRuleData, ModeContext } from './actions';
import { Grammar, type MatchOutcome, type RuleSpec } from './grammar/engine';
import type { IosConfig } from './model';
import { aclRules } from './rules/acl';
import { modeRules, type ConfigRule } from './rules/common';
import { inertRules } from './rules/inert';
import { cryptoRules } from './rules/ipsec';
import { interfaceRules, overlapping } from './rules/interface';
import { routingRules } from './rules/routing';

export const CONFIG_RULES: readonly ConfigRule[] = [...modeRules('config'), ...routingRules, ...interfaceRules, ...cryptoRules, ...aclRules, ...inertRules];

export const CONFIG_MODES: readonly ConfigMode[] = [
  'config',
  'config-if',
  'config-router',
  'config-isakmp',
  'conf-keyring',
  'conf-isa-prof',
  'cfg-crypto-trans',
  'ipsec-profile',
  'config-crypto-map',
  'config-std-nacl',
  'config-ext-nacl',
];

const grammars = new Map<ConfigMode, Grammar>();
const byCmd = new Map<string, ConfigRule>();
for (const r of CONFIG_RULES) byCmd.set(r.cmd, r);

export function configGrammar(mode: ConfigMode): Grammar {
  let g = grammars.get(mode);
  if (!g) {
    g = new Grammar(
      mode,
      CONFIG_RULES.filter((r) => r.mode === mode),
      true,
    );
    grammars.set(mode, g);
  }
  return g;
}

export type ResolveOutcome = { ok: true; action: ConfigAction } | Exclude<MatchOutcome, { ok: true }>;

/** Resolves one line typed in `mode` (with the sub-mode's context) to an action, without applying it. */
export function resolveConfigLine(mode: ConfigMode, context: ModeContext, line: string): ResolveOutcome {
  const m = configGrammar(mode).match(line);
  if (!m.ok) return m;
  return { ok: true, action: { mode, context, cmd: m.rule.cmd, args: m.args, no: m.no } };
}

export function ruleFor(cmd: string): RuleSpec<ConfigRuleData> | undefined {
  return byCmd.get(cmd);
}

/** Applies an action to the model in place. Mode commands (exit, end, do) change nothing here. */
export function applyAction(config: IosConfig, action: ConfigAction): ApplyResult {
  const rule = byCmd.get(action.cmd);
  if (!rule) return { error: `% Unknown command ${action.cmd}` };
  return rule.data!.apply(config, action) ?? {};
}


/**
 * What IOS refuses when a command is typed (it accepts the same line in a startup config and
 * complains at boot): an interface address overlapping another interface's subnet, a bad mask.
 * The console checks before applying; files go through validateConfig instead.
 */
export function checkAction(config: IosConfig, action: ConfigAction): string | undefined {
  if (action.cmd === 'if.ip-address' && !action.no && action.args.address && action.args.mask) {
    return overlapping(config, action.context.interface!, action.args.address, action.args.mask);
  }
  return undefined;
}
