// Step "site" (release builds): the first screens, faq.html and rules.html, rendered natively
// by the app's own components (`icp-advisor site`, Yew's server-side rendering; no browser).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function renderSite(dir) {
  const out = execFileSync(
    'cargo',
    ['run', '--quiet', '--offline', '--bin', 'icp-advisor', '--', 'site', dir],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.stdout.write(out);
}
