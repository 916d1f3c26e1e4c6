/*
 * The stored tables, for integration tests that check what a request left in
 * the database (or plant a row to start from). Tests of the transports read
 * them through here rather than from infra/, which the transports themselves
 * may not import.
 */
export * from '../infra/db/schema.js';
export { StaffRepository } from '../infra/db/staff-repository.js';
