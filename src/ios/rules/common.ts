// Small helpers the rule tables share.
import type { Applier, ConfigAction, ConfigMode, ConfigRuleData } from '../actions';
import type { RuleSpec } from '../grammar/engine';
import { compareInterfaceNames } from '../interface-names';
import { newInterface, type IosConfig, type InterfaceConfig } from '../model';

export type ConfigRule = RuleSpec<ConfigRuleData> & { mode: ConfigMode };

export function rule(mode: ConfigMode, cmd: string, syntax: string, apply: Applier, opts: Partial<Omit<RuleSpec, 'data'>> = {}): ConfigRule {
  return { mode, cmd, syntax, data: { apply }, ...opts };
}

export function num(a: ConfigAction, name: string): number | undefined {
  const v = a.args[name];
  return v === undefined ? undefined : Number(v);
}

export function getInterface(c: IosConfig, name: string): InterfaceConfig {
  let i = c.interfaces.find((x) => x.name === name);
  if (!i) {
    i = newInterface(name);
    const at = c.interfaces.findIndex((x) => compareInterfaceNames(name, x.name) < 0);
    if (at < 0) c.interfaces.push(i);
    else c.interfaces.splice(at, 0, i);
  }
  return i;
}

/** The interface a config-if action edits (created when the mode was entered). */
export function ctxInterface(c: IosConfig, a: ConfigAction): InterfaceConfig {
  return getInterface(c, a.context.interface!);
}

export function findOrAdd<T>(list: T[], match: (t: T) => boolean, make: () => T, sortKey?: (t: T) => number): T {
  let item = list.find(match);
  if (!item) {
    item = make();
    list.push(item);
    if (sortKey) list.sort((a, b) => sortKey(a) - sortKey(b));
  }
  return item;
}

export function removeWhere<T>(list: T[], pred: (t: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i]!)) list.splice(i, 1);
}

/** The rules every config mode has: exit, end, do. The console acts on them; a file ignores them. */
export function modeRules(mode: ConfigMode): ConfigRule[] {
  const none: Applier = () => undefined;
  return [
    rule(mode, 'mode.exit', 'exit', none, { negatable: false, help: { exit: mode === 'config' ? 'Exit from configure mode' : 'Exit from the current sub-mode' } }),
    rule(mode, 'mode.end', 'end', none, { negatable: false, help: { end: 'Exit from configure mode' } }),
    rule(mode, 'mode.do', 'do <line:command>', none, { negatable: false, help: { do: 'To run exec commands in config mode', command: 'Exec Command' } }),
  ];
}
