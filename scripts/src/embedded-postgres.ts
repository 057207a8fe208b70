// Forwarding module: the embedded PostgreSQL lives in the dev-tools workspace. The Supabase migration's tests
// (test/migrate-supabase/, rewritten on another branch) still import this path; delete this file once they import
// `@textbook/dev-tools/embedded-postgres` instead.
export * from "@textbook/dev-tools/embedded-postgres";
