// One grammar: typing a rendered config at the console builds the same model as parsing it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, emptyConfig, parseConfig, renderConfig } from '../ios';
import { configArb } from '../ios/testing/arbitraries';
import { createConsole } from './session';
import { fakeDevice } from './testing/fake-device';

describe('console and parser agree', () => {
  it('on generated configs typed line by line', () => {
    const known = configArb.map((c) => {
      // Unknown lines are config-file only: the console rejects them, as IOS does.
      c.unknown = [];
      for (const i of c.interfaces) i.extra = [];
      // The console refuses overlapping interface subnets (IOS does); keep only addresses it accepts.
      const seen = emptyConfig();
      for (const i of c.interfaces) {
        const ok = (a: { address: string; mask: string }) => !checkAction(seen, { mode: 'config-if', context: { interface: i.name }, cmd: 'if.ip-address', args: { ...a }, no: false });
        i.secondaryAddresses = i.secondaryAddresses.filter(ok);
        if (i.ipAddress && !ok(i.ipAddress)) delete i.ipAddress;
        if (!i.ipAddress) i.secondaryAddresses = [];
        seen.interfaces.push(structuredClone(i));
      }
      return c;
    });
    fc.assert(
      fc.property(known, (model) => {
        const text = renderConfig(model);
        const dev = fakeDevice();
        const con = createConsole(dev, { privileged: true });
        con.execute('configure terminal');
        for (const line of text.split('\n')) {
          if (!line.trim() || line.trim() === '!') continue;
          // Log lines are expected; IOS also warns (and still accepts) a reference to a transform set not yet defined.
          const out = con.execute(line.trim()).output.replace(/^\*Mar .*\n/gm, '').replace(/^% NOTE: This new crypto map will remain disabled until a peer\n {8}and a valid access list have been configured\.\n/m, '').replace(/^ERROR: transform set with tag "\S+" does not exist\.\n/gm, '');
          expect(out, line).toBe('');
        }
        con.execute('end');
        const typed = dev.config();
        // The fake device starts as "R1"; everything else comes from the typed lines.
        expect(typed).toEqual({ ...parseConfig(text).config });
        expect(typed).toEqual(model);
      }),
      { numRuns: 100 },
    );
    expect(emptyConfig().hostname).toBe('Router');
  });
});
