import { createElement, Fragment, type ReactNode } from "react";

/**
 * `@docusaurus/Translate` for the website's Node tests, where webpack's generated translations do not exist:
 * every message is its English default, with `{name}` placeholders filled as Docusaurus fills them.
 */
export function translate(
  { message, id }: { message?: string; id?: string },
  values?: Record<string, string | number>,
): string {
  const text = message ?? id ?? "";
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));
}

/** `<Translate>`: its children (the English message) with `{name}` placeholders filled by `values`, elements too. */
export default function Translate({
  children,
  values,
}: {
  id?: string;
  description?: string;
  children?: string;
  values?: Record<string, ReactNode>;
}): ReactNode {
  const parts = (children ?? "").split(/\{(\w+)\}/);
  // split() with a capture group alternates text and placeholder names.
  return createElement(
    Fragment,
    null,
    ...parts.map((part, index) => (index % 2 === 1 ? (values?.[part] ?? `{${part}}`) : part)),
  );
}
