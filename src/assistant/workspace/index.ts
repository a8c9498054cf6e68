export * from './assistants.js';
export * from './conversations.js';
