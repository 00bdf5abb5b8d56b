// Bundles the dashboard into ../wwwroot, which ASP.NET Core serves as static files.
// Run by `npm run build`, and by Dashboard.targets during `dotnet build`.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, '..', 'wwwroot');

await mkdir(out, { recursive: true });

const result = await build({
  entryPoints: [join(root, 'src', 'main.js')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2020',
  format: 'iife',
  platform: 'browser',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

await Promise.all(['index.html', 'styles.css'].map((file) => copyFile(join(root, file), join(out, file))));

const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs).find((f) => f.endsWith('app.js'))].bytes;
console.log(`dashboard: wwwroot/app.js ${(bytes / 1024).toFixed(0)} KiB`);
