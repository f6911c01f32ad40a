// Share-link length against the DESIGN.md budgets: the default lab (reference vti-basic.json) in
// 1,000 characters of fragment, a 20-device lab in 1,900. Run: npx tsx bench/link-size.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { DEFAULT_LAB, labToFragment, restoreLab, type Lab } from '../src/lab';
import { generateHubSpokeLab } from '../src/lab/generate';

const SHARED_LABS = join(import.meta.dirname, '../../shared/labs');

function row(name: string, lab: Lab, budget?: number) {
  const plain = `#lab=1.${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(lab)), { level: 9 })).toString('base64url')}`.length;
  const fragment = labToFragment(lab).length;
  const verdict = budget ? (fragment <= budget ? `within ${budget}` : `OVER ${budget}`) : '';
  console.log(`${name.padEnd(34)} ${String(lab.devices.length).padStart(3)} devices  json ${String(JSON.stringify(lab).length).padStart(6)}  plain deflate ${String(plain).padStart(5)}  link ${String(fragment).padStart(5)}  ${verdict}`);
}

console.log('Share-link fragment length in characters ("plain deflate": raw DEFLATE of the full JSON, no dictionary)');
for (const file of readdirSync(SHARED_LABS).filter((f) => f.endsWith('.json'))) {
  const r = restoreLab(JSON.parse(readFileSync(join(SHARED_LABS, file), 'utf8')), 'file');
  if (r.ok) row(file, r.lab, file === 'vti-basic.json' ? 1000 : undefined);
}
row('built-in default lab', DEFAULT_LAB, 1000);
const twenty = generateHubSpokeLab({ spokes: 9, hosts: true });
row('generated hub + 9 spokes + 10 hosts', twenty, 1900);
row('generated, OSPF', generateHubSpokeLab({ spokes: 9, hosts: true, ospf: true }), 1900);
