export * from './errors.js';
export * from './ids.js';
export * from './http/device-sessions.js';
export * from './http/health.js';
export * from './realtime/media-params.js';
export * from './realtime/events.js';
export * from './http/staff.js';
export * from './http/scheduling.js';
