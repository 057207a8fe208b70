import type { ReactNode } from "react";

/** Benchmark baseline (TEXTBOOK_ACCOUNTS=off): no providers at all. */
export default function Root({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
