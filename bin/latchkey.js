#!/usr/bin/env node
// The `latchkey` command: runs the built CLI in dist/ on plain Node (>= 20.19).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(String(error.message))) {
    process.stderr.write('latchkey: the CLI is not built (dist/cli.js is missing). In a checkout, run: npm run build\n');
    process.exit(1);
  }
  throw error;
}
process.exitCode = await cli.runCli(process.argv.slice(2));
