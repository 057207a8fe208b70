// Forwarding module: the benchmark library lives in the dev-tools workspace. The migration benchmark
// (scripts/bench/, rewritten on another branch) still imports this path; delete this file once it imports
// `@textbook/dev-tools/bench-database` instead.
export * from "@textbook/dev-tools/bench-database";
