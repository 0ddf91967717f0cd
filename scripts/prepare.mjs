// `npm install` (and `npm ci`) build dist/ and the web app; `npx woes …` in a checkout installs
// the checkout into npm's exec cache, which runs this again: there it only builds what is missing,
// so the first `npx woes` takes a few seconds instead of a silent 30-second rebuild under a
// running server. `npm run build` rebuilds everything, always.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const built = ['dist/cli/main.js', 'web/dist/index.html'].every((file) => existsSync(file));
if (process.env.npm_command === 'exec' && built) {
  process.stdout.write('woes: already built (npm run build rebuilds)\n');
} else {
  execSync('npm run build', { stdio: 'inherit' });
}
