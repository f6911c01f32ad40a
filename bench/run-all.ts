// Runs every benchmark in turn and prints their figures (`npm run bench`). Benchmarks print
// numbers against the DESIGN.md budgets; none of them is a pass/fail test. The canvas bench
// and the bundle size need a build first (`npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const engine = ['esp.ts', 'link-size.ts', 'ring100.ts', 'vti-pings.ts', 'hub100-ospf.ts'];
const needsBuild = ['bundle-size.ts', 'load-time.ts', 'canvas-frames.ts'];
const built = existsSync(join(here, '..', 'dist', 'index.html'));

for (const file of [...engine, ...needsBuild]) {
  if (needsBuild.includes(file) && !built) {
    console.log(`\n== ${file}: skipped, run \`npm run build\` first`);
    continue;
  }
  console.log(`\n== ${file}`);
  const r = spawnSync('npx', ['tsx', join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${file} exited with ${r.status})`);
}
