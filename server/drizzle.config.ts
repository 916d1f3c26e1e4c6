import { defineConfig } from 'drizzle-kit';

// Migrations are generated once from the schema and committed; the server
// applies them at start-up on PGlite and on PostgreSQL alike. schema.ts
// re-exports the area files under src/infra/db/schema/, exactly as the
// application loads them.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/infra/db/schema.ts',
  out: './drizzle',
});
