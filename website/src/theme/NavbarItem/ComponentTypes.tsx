import ComponentTypes from "@theme-original/NavbarItem/ComponentTypes";
import { AccountNavbarItem } from "../../components/navbar/AccountNavbarItem.js";

// `custom-` types pass the theme's navbar validation; docusaurus.config.ts places this one on the right.
export default {
  ...ComponentTypes,
  "custom-account": AccountNavbarItem,
};
