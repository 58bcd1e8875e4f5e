import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db, Dialect } from './database.js';
import { migrations } from '../../migrations/index.js';

/** Migrations are plain objects listed in src/migrations/index.ts so they work compiled and under the test runner. */
export function createMigrator(db: Db, dialect: Dialect): Migrator {
  const list: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(migrations)) {
    list[name] = { up: (d) => m.up(d, dialect), down: m.down ? (d) => m.down!(d, dialect) : undefined };
  }
  return new Migrator({ db, provider: { getMigrations: async () => list } });
}

export async function migrateToLatest(db: Db, dialect: Dialect): Promise<string[]> {
  const result: MigrationResultSet = await createMigrator(db, dialect).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error as Error;
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${err.message}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
