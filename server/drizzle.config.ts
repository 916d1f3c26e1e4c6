import { defineConfig } from 'drizzle-kit';

// Migrations are generated once from the schema and committed; the server
// applies them at start-up on PGlite and on PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/infra/db/schema.ts',
  out: './drizzle',
});
