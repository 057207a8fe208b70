import { AccountNavbarItem } from "@site/src/components/navbar/AccountNavbarItem.js";
import ComponentTypes from "@theme-original/NavbarItem/ComponentTypes";

// `custom-` types pass the theme's navbar validation; docusaurus.config.ts places this one on the right.
export default {
  ...ComponentTypes,
  "custom-account": AccountNavbarItem,
};
