import type { ReactNode } from "react";

/** Build without accounts (bench/builds): no providers at all. */
export default function Root({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
