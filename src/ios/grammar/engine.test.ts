import { describe, expect, it } from 'vitest';
import { Grammar } from './engine';
import { compileSyntax } from './syntax';

describe('syntax declarations', () => {
  it('expand optional and alternative groups', () => {
    const v = compileSyntax('ip address <ipv4:a> <ipv4:m> [secondary]:sec').map((seq) => seq.map((e) => (e.kind === 'kw' ? e.word : `<${e.name}>`)).join(' '));
    expect(v).toEqual(['ip address <a> <m>', 'ip address <a> <m> secondary']);
    expect(compileSyntax('mode {gre ip|ipsec ipv4}:m')).toHaveLength(2);
    expect(compileSyntax('x [a [b]]')).toHaveLength(3);
  });
});

describe('Grammar matching', () => {
  const g = new Grammar('t', [
    { cmd: 'addr', syntax: 'ip address <ipv4:a> <ipv4:m> [secondary]:sec' },
    { cmd: 'mtu', syntax: 'ip mtu <68-1500:mtu>' },
    { cmd: 'mode', syntax: 'tunnel mode {gre ip|gre multipoint|ipsec ipv4}:mode' },
    { cmd: 'src', syntax: 'tunnel source {<ipv4:src>|<if:src>}' },
    { cmd: 'desc', syntax: 'description <line:text>' },
    { cmd: 'dest', syntax: 'destination <ipv4:d>' },
  ]);

  it('resolves unique prefixes and captures keywords of a group', () => {
    const m = g.match('tun mo ipsec ipv4');
    expect(m.ok && [m.rule.cmd, m.args]).toEqual(['mode', { mode: 'ipsec ipv4' }]);
    const a = g.match('ip add 10.0.0.1 255.0.0.0 sec');
    expect(a.ok && a.args).toEqual({ a: '10.0.0.1', m: '255.0.0.0', sec: 'secondary' });
  });

  it('takes an interface as one word or two', () => {
    for (const line of ['tunnel source gi0/1', 'tunnel source GigabitEthernet 0/1']) {
      const m = g.match(line);
      expect(m.ok && m.args.src).toBe('GigabitEthernet0/1');
    }
    const ip = g.match('tunnel source 1.2.3.4');
    expect(ip.ok && ip.args.src).toBe('1.2.3.4');
  });

  it('keeps a LINE parameter verbatim', () => {
    const m = g.match('desc  to   R2 (primary)  ');
    expect(m.ok && m.args.text).toBe('to   R2 (primary)');
  });

  it('reports ambiguity, incompleteness, range and the bad character', () => {
    expect(g.match('d x')).toEqual({ ok: false, kind: 'ambiguous', upto: 1 });
    expect(g.match('ip address 10.0.0.1')).toEqual({ ok: false, kind: 'incomplete' });
    expect(g.match('ip mtu 9000')).toMatchObject({ ok: false, kind: 'invalid', at: 7 });
    // `tunnel mode gre ipx`: the caret goes under the x, the first character no keyword takes.
    expect(g.match('tunnel mode gre ipx')).toMatchObject({ ok: false, kind: 'invalid', at: 18 });
  });

  it('accepts no forms down to the declared words', () => {
    const m = g.match('no ip address');
    expect(m.ok && [m.rule.cmd, m.no]).toEqual(['addr', true]);
    const t = g.match('no tunnel mode');
    expect(t.ok && t.rule.cmd).toBe('mode');
    expect(g.match('no ip')).toEqual({ ok: false, kind: 'incomplete' });
  });

  it('lists help with parameters first, keywords sorted, <cr> last', () => {
    const h = g.help('ip address 1.1.1.1 255.0.0.0 ');
    expect('entries' in h && h.entries.map((e) => e.word)).toEqual(['secondary', '<cr>']);
    const t = g.help('tunnel ');
    expect('entries' in t && t.entries.map((e) => e.word)).toEqual(['mode', 'source']);
    const p = g.help('ip mtu ');
    expect('entries' in p && p.entries.map((e) => e.word)).toEqual(['<68-1500>']);
  });
});
