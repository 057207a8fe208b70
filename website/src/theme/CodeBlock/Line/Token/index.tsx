import { usePrismTheme } from "@docusaurus/theme-common";
import { tokenStyle } from "@site/src/lib/code-token-style.js";
import type { Props } from "@theme/CodeBlock/Line/Token";

/**
 * A highlighted token: Docusaurus's pass-through span, with its colours as chains of CSS variables
 * (`src/lib/code-token-style.ts`) in place of the merged inline style prism-react-renderer computed, which cannot
 * say "this type's colour in this mode, else the enclosing type's".
 */
export default function CodeBlockLineToken({ line, token, ...props }: Props) {
  const style = tokenStyle(usePrismTheme(), token.types);
  return <span {...props} style={style ? { ...props.style, ...style } : props.style} />;
}
