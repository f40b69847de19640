// Every widget, every hook and the default theme.
import '../../dist/styles.css';
export * from '../../dist/index.js';
