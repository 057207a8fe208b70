import MDXComponents from "@theme-original/MDXComponents";
import type { ReactNode } from "react";

interface BlockProps {
  title?: string;
  children: ReactNode;
}

// Build without accounts (bench/builds): the chapters' components as plain blocks, content only.
const Block = ({ title, children }: BlockProps) => (
  <section>
    {title ? <strong>{title}</strong> : null}
    {children}
  </section>
);

export default {
  ...MDXComponents,
  ForLevel: Block,
  LabVariants: Block,
  LabVariant: Block,
};
