// Numbered (`access-list N ...`) and named (`ip access-list standard|extended NAME`) access lists.
import type { ConfigAction } from '../actions';
import { numberedAclKind, parseAclEntry } from '../acl';
import type { AccessList, IosConfig } from '../model';
import { modeRules, removeWhere, rule, type ConfigRule } from './common';

function list(c: IosConfig, name: string, kind: 'standard' | 'extended', numbered: boolean): AccessList {
  let acl = c.accessLists.find((a) => a.name === name);
  if (!acl) {
    acl = { name, kind, numbered, entries: [], extra: [] };
    // running-config writes named lists before numbered ones; keep the model in that order.
    const firstNumbered = c.accessLists.findIndex((l) => l.numbered);
    if (numbered || firstNumbered < 0) c.accessLists.push(acl);
    else c.accessLists.splice(firstNumbered, 0, acl);
  }
  return acl;
}

function addEntry(acl: AccessList, a: ConfigAction): { error: string } | undefined {
  if (a.args.remark !== undefined) {
    if (a.no) removeWhere(acl.entries, (e) => 'remark' in e && e.remark === a.args.remark);
    else acl.entries.push({ remark: a.args.remark });
    return;
  }
  const entry = parseAclEntry(acl.kind, a.args.action as 'permit' | 'deny', a.args.spec ?? '');
  if (typeof entry === 'string') return { error: `% Invalid access list entry: ${entry}` };
  const same = JSON.stringify(entry);
  if (a.no) removeWhere(acl.entries, (e) => JSON.stringify(e) === same);
  else if (!acl.entries.some((e) => JSON.stringify(e) === same)) acl.entries.push(entry);
}

const HELP = {
  'access-list': 'Add an access list entry',
  permit: 'Specify packets to forward',
  deny: 'Specify packets to reject',
  remark: 'Access list entry comment',
  spec: 'protocol, source, destination, ports (e.g. ip host 10.1.1.1 any, udp any any eq isakmp)',
  num: 'IP access list number',
  remarktext: 'Comment up to 100 characters',
};

function numbered(range: string, kind: 'standard' | 'extended'): ConfigRule[] {
  return [
    rule(
      'config',
      `acl.numbered-${kind}`,
      `access-list <${range}:num> {permit|deny}:action <line:spec>`,
      (c, a) => {
        if (a.no) {
          c.accessLists = c.accessLists.filter((l) => l.name !== a.args.num);
          return;
        }
        return addEntry(list(c, a.args.num!, numberedAclKind(Number(a.args.num))!, true), a);
      },
      { noMin: 2, help: HELP },
    ),
    rule(
      'config',
      `acl.numbered-${kind}-remark`,
      `access-list <${range}:num> remark <line:remark>`,
      (c, a) => addEntry(list(c, a.args.num!, kind, true), a),
      { help: HELP },
    ),
  ];
}

function entryRules(mode: 'config-std-nacl' | 'config-ext-nacl'): ConfigRule[] {
  return [
    rule(mode, `${mode}.entry`, '{permit|deny}:action <line:spec>', (c, a) => addEntry(c.accessLists.find((l) => l.name === a.context.acl)!, a), { noMin: 2, help: HELP }),
    rule(mode, `${mode}.remark`, 'remark <line:remark>', (c, a) => addEntry(c.accessLists.find((l) => l.name === a.context.acl)!, a), { help: HELP }),
    ...modeRules(mode),
  ];
}

export const aclRules: ConfigRule[] = [
  ...numbered('1-99', 'standard'),
  ...numbered('100-199', 'extended'),
  ...numbered('1300-1999', 'standard'),
  ...numbered('2000-2699', 'extended'),
  rule(
    'config',
    'acl.named',
    'ip access-list {standard|extended}:kind <word:name>',
    (c, a) => {
      const kind = a.args.kind as 'standard' | 'extended';
      const name = a.args.name!;
      if (a.no) {
        c.accessLists = c.accessLists.filter((l) => l.name !== name);
        return;
      }
      const existing = c.accessLists.find((l) => l.name === name);
      if (existing && existing.kind !== kind) return { error: `% A named ${existing.kind} IP access list with this name already exists` };
      list(c, name, kind, /^\d+$/.test(name));
      return { enter: { mode: kind === 'standard' ? 'config-std-nacl' : 'config-ext-nacl', context: { acl: name } } };
    },
    { noMin: 4, help: { 'access-list': 'Named access-list', standard: 'Standard Access List', extended: 'Extended Access List', name: 'Access-list name' } },
  ),
  ...entryRules('config-std-nacl'),
  ...entryRules('config-ext-nacl'),
];
