#!/usr/bin/env node
import fs from 'node:fs';
import { loadConfig, type Config } from './platform/config.js';
import { createDeps, buildApp } from './app.js';
import { verifyAuditChain } from './platform/audit.js';
import { seedDemo, demoLogins } from './demo/seed.js';
import { exportOrg, importOrg } from './modules/org/org.import.js';
import { systemActor } from './platform/actor.js';
import { exportCatalog, importCatalog, warmCatalogSearch } from './modules/catalog/index.js';
import { importLicences } from './modules/licenses/index.js';
import { importDuties, importKb, warmConsultation } from './modules/consultation/index.js';

const USAGE = `Usage: tongban <command>

  start                 migrate, load the demo province into an empty database (unless TONGBAN_DEMO=0), serve
  migrate               apply database migrations
  seed-demo             load the demo province (only into an empty database)
  import org <file>     import regions and departments (docs/formats/org.md); all-or-nothing
  export org            print regions and departments in the import format
  import catalog <file> import basic items and items with their guides (docs/formats/catalog.md); all-or-nothing
  export catalog        print the published catalogue in the import format
  import licences <file> import a department's existing licences (docs/formats/licences.md); all-or-nothing
  import kb <file>      import knowledge-base entries (docs/formats/kb.md); all-or-nothing
  import duties <file>  import duty lists 权责清单 (docs/formats/duties.md); all-or-nothing
  audit verify          check the audit trail's hash chain; exit 1 naming the first bad entry
  help                  this text

Environment: PORT, HOST, TONGBAN_DATA_DIR, DATABASE_URL, TONGBAN_DEMO, NATS_URL, TONGBAN_SECRET_KEY_FILE`;

class CliError extends Error {}

async function withDeps<T>(config: Config, fn: (deps: Awaited<ReturnType<typeof createDeps>>) => Promise<T>): Promise<T> {
  const deps = await createDeps(config);
  try {
    return await fn(deps);
  } finally {
    await deps.close();
  }
}

async function start(config: Config): Promise<void> {
  const deps = await createDeps(config);
  let seeded = false;
  if (config.demo) seeded = await seedDemo(deps, { history: true });
  const app = await buildApp(deps, { logger: process.env.TONGBAN_LOG === '1' });
  const indexed = await warmCatalogSearch(deps); // the first citizen's search should not wait for the index
  await warmConsultation(deps); // nor the first asker for the knowledge base and duty indexes
  deps.events.start();
  const url = await app.listen({ host: config.host, port: config.port });
  const shown = url.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `  Tongban 通办 ${config.version} is running`,
    `  Open:      ${shown}/`,
    `  API docs:  ${shown}/api/docs`,
    `  Database:  ${deps.dialect === 'sqlite' ? `SQLite (${config.dataDir})` : 'PostgreSQL'}${seeded ? ' — demo province loaded' : ''}`,
    `  Catalogue: ${indexed} published service items searchable`,
  ];
  if (config.demo) {
    lines.push('', '  Demo logins (password for all: ' + demoLogins.password + '):');
    for (const l of demoLogins.accounts) lines.push(`    ${l.username.padEnd(14)} ${l.role}`);
    lines.push('  More in docs/demo.md');
  }
  console.log(lines.join('\n') + '\n');
  const stop = async (signal: string) => {
    console.log(`\n${signal}: shutting down`);
    await app.close();
    await deps.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, arg] = argv;
  const config = loadConfig();
  switch (cmd) {
    case 'start':
      await start(config);
      return -1; // keep running
    case 'migrate':
      await withDeps(config, async () => undefined);
      console.log('migrations applied');
      return 0;
    case 'seed-demo':
      return withDeps(config, async (deps) => {
        const done = await seedDemo(deps, { history: true });
        console.log(done ? 'demo province loaded' : 'database already holds data; demo not loaded');
        return 0;
      });
    case 'import': {
      if (sub === 'licences') {
        if (!arg) throw new CliError('import licences needs a file');
        if (!fs.existsSync(arg)) throw new CliError(`no such file: ${arg}`);
        return withDeps(config, async (deps) => {
          const r = await importLicences(deps, systemActor('cli'), fs.readFileSync(arg, 'utf8'));
          console.log(`imported licences: ${r.issued} issued, ${r.unchanged} unchanged`);
          return 0;
        });
      }
      if (sub === 'kb' || sub === 'duties') {
        if (!arg) throw new CliError(`import ${sub} needs a file`);
        if (!fs.existsSync(arg)) throw new CliError(`no such file: ${arg}`);
        return withDeps(config, async (deps) => {
          const r = await (sub === 'kb' ? importKb : importDuties)(deps, systemActor('cli'), fs.readFileSync(arg, 'utf8'));
          console.log(`imported ${sub}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged${sub === 'kb' ? `, ${r.conflicts} contradiction(s) with other units` : ''}`);
          return 0;
        });
      }
      if (sub !== 'org') throw new CliError(`unknown import kind "${sub ?? ''}" (known: org)`);
      if (!arg) throw new CliError('import org needs a file');
      if (!fs.existsSync(arg)) throw new CliError(`no such file: ${arg}`);
      return withDeps(config, async (deps) => {
        const result = await importOrg(deps, systemActor('cli'), fs.readFileSync(arg, 'utf8'));
        console.log(`imported ${result.regions} regions and ${result.departments} departments`);
        return 0;
      });
    }
    case 'export': {
      if (sub !== 'org') throw new CliError(`unknown export kind "${sub ?? ''}" (known: org)`);
      return withDeps(config, async (deps) => {
        process.stdout.write(JSON.stringify(await exportOrg(deps), null, 2) + '\n');
        return 0;
      });
    }
    case 'audit':
      if (sub !== 'verify') throw new CliError('usage: tongban audit verify');
      return withDeps(config, async (deps) => {
        const r = await verifyAuditChain(deps.db, deps.auditKey);
        if (r.ok) {
          console.log(`audit trail intact: ${r.entries} entries, last seq ${r.lastSeq}`);
          return 0;
        }
        console.error(`audit trail broken at entry seq ${r.badSeq} (id ${r.badId}): ${r.problem}; ${r.entries} entries before it are intact`);
        return 1;
      });
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      throw new CliError(`unknown command "${cmd}"; run "tongban help"`);
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry || process.env.TONGBAN_CLI === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err: Error & { details?: unknown }) => {
      const details = err.details ? ' ' + JSON.stringify(err.details) : '';
      console.error(`tongban: ${err.message}${details}`);
      process.exit(err instanceof CliError ? 2 : 1);
    },
  );
}
