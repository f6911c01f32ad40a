// Whatever a learner types, the console answers with IOS text and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConsole } from './session';
import { fakeDevice } from './testing/fake-device';

const WORDS = ['show', 'sh', 'ip', 'int', 'interface', 'br', 'route', 'conf', 't', 'no', 'do', 'end', 'exit', 'tu0', 'Tunnel', '0', 'gi1', 'shut', 'tunnel', 'mode', 'ipsec', 'ipv4', 'gre', 'address', '10.1.1.1', '255.255.255.0', 'crypto', 'isakmp', 'policy', 'map', 'M', '10', 'ping', 'repeat', 'source', 'size', '?', 'enable', 'router', 'ospf', 'network', 'area', 'access-list', '101', 'permit', 'any', 'host', 'x', '-1', '999999999999'];

describe('console fuzz', () => {
  it('answers every line without throwing, in a known shape', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }).map((w) => w.join(' ')), { maxLength: 12 }), fc.boolean(), (lines, priv) => {
        const con = createConsole(fakeDevice('hostname R1\ninterface GigabitEthernet1\n ip address 10.0.0.1 255.255.255.0\n'), { privileged: priv });
        for (const line of lines) {
          const before = con.prompt();
          const { output } = con.execute(line);
          expect(typeof output).toBe('string');
          if (output.includes('^\n')) {
            const caret = output.split('\n')[0]!;
            // The caret sits within the echoed line.
            expect(caret.trim()).toBe('^');
            expect(caret.length - 1).toBeLessThanOrEqual(before.length + line.length);
          }
          // `host x` in configuration mode is `hostname x`: the name may change, the shape may not.
          expect(con.prompt()).toMatch(/^[^\s#>()]+(>|#|\([a-z-]+\)#)$/);
          con.complete(line);
          con.help(line);
        }
      }),
      { numRuns: 200 },
    );
  });
});
