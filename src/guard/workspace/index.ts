export * from './facts.js';
export * from './known-values.js';
export * from './service.js';
export * from './settings.js';
