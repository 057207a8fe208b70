import { parseArgs } from "node:util";
import { migrate, migrationStatus } from "./migrate.js";

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
  const { values } = parseArgs({ options: { status: { type: "boolean" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const variable = process.env.DATABASE_URL_UNPOOLED ? "DATABASE_URL_UNPOOLED" : "DATABASE_URL";
  const connectionString = process.env[variable];
  if (!connectionString) {
    console.error(
      "Set DATABASE_URL_UNPOOLED (or DATABASE_URL) to the database to migrate. `npm start` does this for the embedded Postgres.",
    );
    return 1;
  }
  if (values.status) {
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
