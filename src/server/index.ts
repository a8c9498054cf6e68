export { type AppOptions, buildApp } from './app.js';
export { type ServeOptions, startServer } from './serve.js';
export type { RouteInfo } from './types.js';
