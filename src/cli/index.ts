/**
 * The `latchkey` command line (`bin/latchkey.js` runs the built copy of this entry): `serve`,
 * `users`, `check`. Node only, no React.
 *
 * @packageDocumentation
 */
export { runCli } from './runCli.js';
export type { CliCommand } from './runCli.js';
export { processIo } from './CliIo.js';
export type { CliIo } from './CliIo.js';
export { CliError } from './CliError.js';
export { createStaticHandler } from './createStaticHandler.js';
export type { StaticHandlerOptions } from './createStaticHandler.js';
