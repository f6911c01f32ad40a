import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse';
import { renderConfig } from './render';
import { configArb } from './testing/arbitraries';

describe('parse(render(m)) = m', () => {
  it('holds for generated models', () => {
    fc.assert(
      fc.property(configArb, (m) => {
        const text = renderConfig(m);
        const r = parseConfig(text);
        expect(r.errors).toEqual([]);
        expect(r.config).toEqual(m);
        // Rendering is a fixed point too: the text IOS would show again.
        expect(renderConfig(r.config)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
