import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const TABLES = [
  {
    name: "floor_users",
    columns: `id uuid, email text, encrypted_password text, email_confirmed_at timestamptz, raw_user_meta_data jsonb,
              banned_until timestamptz, deleted_at timestamptz, is_anonymous boolean, created_at timestamptz, updated_at timestamptz`,
    select: `SELECT id, email, encrypted_password, email_confirmed_at, raw_user_meta_data, banned_until, deleted_at,
                    is_anonymous, created_at, updated_at FROM auth.users`,
  },
  {
    name: "floor_identities",
    columns: "provider_id text, user_id uuid, provider text, created_at timestamptz, updated_at timestamptz",
    select: "SELECT provider_id, user_id, provider, created_at, updated_at FROM auth.identities",
  },
  {
    name: "floor_profiles",
    columns: `id uuid, full_name text, avatar_url text, software_background text, hardware_background text,
              programming_languages text[], robotics_experience text, learning_goals text, preferred_language text,
              created_at timestamptz, updated_at timestamptz`,
    select: "SELECT * FROM public.profiles",
  },
];

/**
 * The physical floor: the same source rows copied with `COPY … TO STDOUT | COPY … FROM STDIN` into plain tables
 * (no indexes, no constraints) on the target server. Nothing that moves these rows can be much faster.
 */
export async function measurePhysicalFloor(sourceUrl: string, targetUrl: string): Promise<number> {
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await Promise.all([source.connect(), target.connect()]);
  try {
    for (const table of TABLES) await target.query(`CREATE TABLE ${table.name} (${table.columns})`);
    const started = performance.now();
    for (const table of TABLES) {
      await pipeline(
        source.query(copyTo(`COPY (${table.select}) TO STDOUT`)),
        target.query(copyFrom(`COPY ${table.name} FROM STDIN`)),
      );
    }
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.allSettled([source.end(), target.end()]);
  }
}
