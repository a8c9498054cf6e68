export * from './login.js';
export * from './passwords.js';
export * from './permissions.js';
export * from './sessions.js';
export * from './tokens.js';
export * from './users.js';
