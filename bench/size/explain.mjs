// What each byte of a size-limit entry is: bundles one entry the way size-limit does (esbuild,
// minified ESM, react external) and lists its modules by bytes in the output.
//
//   npx vite build && node bench/size/explain.mjs bench/size/session.js [external|bundled|react-query-external]
//
// `external` (default): react-query and zod external (rows 1, 3, 4 of .size-limit.js);
// `bundled`: both bundled (row 2); `react-query-external`: zod bundled, react-query external.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const [entry, mode = 'external'] = process.argv.slice(2);
if (entry === undefined || !['external', 'bundled', 'react-query-external'].includes(mode)) {
  console.error('usage: node bench/size/explain.mjs <entry.js> [external|bundled|react-query-external]');
  process.exit(2);
}
const external = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
if (mode !== 'bundled') external.push('@tanstack/react-query');
if (mode === 'external') external.push('zod', 'zod/mini');

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  external,
  loader: { '.css': 'empty' },
  outdir: 'bench/size/.explain',
});
const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
const js = result.outputFiles.find((file) => file.path.endsWith('.js'));
console.log(`${entry} (${mode}): ${js.contents.length} bytes minified, ${gzipSync(js.contents, { level: 9 }).length} gzip (JS only)`);
const rows = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
for (const [path, { bytesInOutput }] of rows) if (bytesInOutput > 0) console.log(String(bytesInOutput).padStart(8), path);
