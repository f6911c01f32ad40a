// The built app served by `vite preview` for the browser benches: vite itself, not through npx,
// so killing the child stops the server. BENCH_DIST serves another build's folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export function startPreview(port: number, dist = process.env.BENCH_DIST): Promise<ChildProcess> {
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(dist ? ['--outDir', dist] : [])];
  const child = spawn(join(import.meta.dirname, '..', 'node_modules', '.bin', 'vite'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 30 s')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes(String(port))) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
}
