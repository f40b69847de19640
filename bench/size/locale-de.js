// The German dictionary on its own.
export { messagesDe } from '../../dist/index.js';
