// Benchmark baseline (TEXTBOOK_PROGRESS=off): the theme's own sidebar item, without ticks.
export { default } from "@theme-original/DocSidebarItem/Link";
