export { NetLab } from './netlab.js';
export type { Endpoint, Impairment } from './impairments.js';
export type { LabServer } from './lab-server.js';
export type { LabTurn } from './turn.js';
export { APP_PORT, MEDIA_RTC_PORT } from './lab-server.js';
export { RELAY_PORTS, TURN_PORT, TURN_TLS_PORT } from './turn.js';
export { LAB_ROLES, labSession, openLabDevice } from './lab-devices.js';
