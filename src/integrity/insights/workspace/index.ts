export * from './audits.js';
export * from './exposure.js';
export * from './recommendations.js';
export * from './segments.js';
export * from './settings.js';
export * from './sources.js';
export * from './uses.js';
