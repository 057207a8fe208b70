import { migrate, migrationStatus } from "./migrate.js";
import { readMigrateCommand } from "./migrate-command-config.js";

const HELP = `Usage: npm run db:migrate [-- --status]

Applies the pending SQL migrations in migrations/ to the database named by DATABASE_URL_UNPOOLED
(falling back to DATABASE_URL). Use the direct URL, not Neon's pooled '-pooler' host.

  --status   list applied and pending migrations, change nothing
  --help     show this text`;

const stderrLogger = {
  info: (fields: object, msg: string) => console.error(`${msg} ${JSON.stringify(fields)}`),
  warn: (fields: object, msg: string) => console.error(`warning: ${msg} ${JSON.stringify(fields)}`),
  error: (fields: object, msg: string) => console.error(`error: ${msg} ${JSON.stringify(fields)}`),
};

async function main(): Promise<number> {
  const command = readMigrateCommand();
  if (command === "help") {
    console.log(HELP);
    return 0;
  }
  const { connectionString, variable } = command;
  if (command.status) {
    const { applied, pending } = await migrationStatus({ connectionString, variable });
    for (const m of applied) console.log(`applied  ${m.version}_${m.name}.sql  ${m.appliedAt.toISOString()}`);
    for (const m of pending) console.log(`pending  ${m.fileName}`);
    console.log(`${applied.length} applied, ${pending.length} pending`);
    return 0;
  }
  const applied = await migrate({ connectionString, variable, logger: stderrLogger });
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s).`
      : "Nothing to apply: the database is up to date.",
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
