// The layer rule of DESIGN.md is enforced by eslint.config.js; this proves it bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule', () => {
  it('fails a file in src/wire that imports React', async () => {
    const errors = await restrictedImports('src/wire/probe.ts', "import React from 'react';\nexport const x = React;\n");
    expect(errors).toEqual([expect.stringMatching(/Only src\/app imports UI libraries/)]);
  });
  it('fails src/wire importing another project folder, and src/ios importing src/sim', async () => {
    expect(await restrictedImports('src/wire/probe.ts', "import { x } from '../crypto/rng';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restrictedImports('src/ios/probe.ts', "import { x } from '../sim/network';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restrictedImports('src/lab/probe.ts', "import { create } from 'zustand';\nexport const y = create;\n")).toHaveLength(1);
  });
  it('allows the directions DESIGN.md allows', async () => {
    expect(await restrictedImports('src/ios/probe.ts', "import { x } from '../wire/ipv4';\nexport const y = x;\n")).toEqual([]);
    expect(await restrictedImports('src/sim/probe.ts', "import { a } from '../wire/ipv4';\nimport { b } from '../crypto/rng';\nimport { c } from '../ios/model';\nexport const y = [a, b, c];\n")).toEqual([]);
    expect(await restrictedImports('src/app/probe.tsx', "import React from 'react';\nimport { x } from '../sim/network';\nexport const y = [React, x];\n")).toEqual([]);
  });
});
