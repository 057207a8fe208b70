// Forwarding module: the benchmark library lives in src/benchmark-library/. The migration benchmark
// (scripts/bench/, rewritten on another branch) still imports this path; delete this file once it imports
// `@textbook/scripts/bench-result` instead.
export * from "../benchmark-library/bench-result.js";
