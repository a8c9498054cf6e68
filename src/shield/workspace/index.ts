export * from './analyses.js';
export * from './protection.js';
export * from './watch.js';
