// Tree-shaking proof: importing only useAuth must pull in no widget code.
export { useAuth } from '../../dist/index.js';
