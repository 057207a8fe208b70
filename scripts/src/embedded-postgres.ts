// Forwarding module: the embedded PostgreSQL lives in src/embedded-postgres/. The Supabase migration's tests
// (test/migrate-supabase/, rewritten on another branch) still import this path; delete this file once they import
// `@textbook/scripts/embedded-postgres` instead.
export * from "./embedded-postgres/embedded-postgres.js";
