import ComponentTypes from "@theme-original/NavbarItem/ComponentTypes";

// Build without accounts (bench/builds): the account item renders nothing.
export default {
  ...ComponentTypes,
  "custom-account": () => null,
};
