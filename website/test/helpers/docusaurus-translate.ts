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
