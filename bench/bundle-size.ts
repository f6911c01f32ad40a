// Initial JavaScript, gzipped, against the DESIGN.md budget of 250 KB. "Initial" is what
// index.html loads before the app can run: its module script and every modulepreload; chunks
// loaded later with import() (inspector, console) are listed apart.
// Run after `npm run build`: npx tsx bench/bundle-size.ts
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'dist');
const BUDGET_KB = 250;

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = new Set<string>();
for (const m of html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)) initial.add(m[1]!);
for (const m of html.matchAll(/<link[^>]*href="\.?\/?([^"]+\.js)"[^>]*rel="modulepreload"/g)) initial.add(m[1]!);

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

let initialTotal = 0;
console.log('Initial JavaScript (gzip -9):');
for (const file of initial) {
  const size = gz(file);
  initialTotal += size;
  console.log(`  ${file.padEnd(48)} ${kb(size).padStart(10)}`);
}
console.log(`  ${'total'.padEnd(48)} ${kb(initialTotal).padStart(10)}   budget ${BUDGET_KB} KB: ${initialTotal <= BUDGET_KB * 1024 ? 'within' : 'OVER'}`);

const assets = join(DIST, 'assets');
const lazy = readdirSync(assets).filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`));
if (lazy.length > 0) {
  console.log('Loaded later (gzip -9):');
  for (const f of lazy) console.log(`  assets/${f.padEnd(41)} ${kb(gz(`assets/${f}`)).padStart(10)}  (${kb(statSync(join(assets, f)).size)} raw)`);
}
