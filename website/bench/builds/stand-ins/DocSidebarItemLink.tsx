// Build without reading progress (bench/builds): the theme's own sidebar item, without ticks.
export { default } from "@theme-original/DocSidebarItem/Link";
