import ComponentTypes from "@theme-original/NavbarItem/ComponentTypes";

// Benchmark baseline (TEXTBOOK_ACCOUNTS=off): the account item renders nothing.
export default {
  ...ComponentTypes,
  "custom-account": () => null,
};
