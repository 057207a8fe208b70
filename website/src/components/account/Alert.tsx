import type { ReactNode } from "react";

type Kind = "danger" | "warning" | "success" | "info";

/** A message about the form or the page as a whole; errors are announced to screen readers at once. */
export function Alert({ kind, children }: { kind: Kind; children: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === "danger" ? "alert" : "status"}>
      {children}
    </div>
  );
}
