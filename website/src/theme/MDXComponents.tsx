import MDXComponents from "@theme-original/MDXComponents";
import { ForLevel } from "../components/personalisation/ForLevel.js";
import { LabVariant, LabVariants } from "../components/personalisation/LabVariants.js";

// Chapters use these without importing them (see the components' docs for their props).
export default {
  ...MDXComponents,
  ForLevel,
  LabVariants,
  LabVariant,
};
