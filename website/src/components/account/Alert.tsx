import type { ReactNode, Ref } from "react";

type Kind = "danger" | "warning" | "success" | "info";

interface Props {
  kind: Kind;
  children: ReactNode;
  /** Given, the alert can take the focus (a form moves it there when a call fails). */
  ref?: Ref<HTMLDivElement>;
}

/** A message about the form or the page as a whole; errors are announced to screen readers at once. */
export function Alert({ kind, children, ref }: Props) {
  return (
    <div
      ref={ref}
      className={`alert alert--${kind}`}
      role={kind === "danger" ? "alert" : "status"}
      tabIndex={ref ? -1 : undefined}
    >
      {children}
    </div>
  );
}
