// Build without reading progress (bench/builds): the theme's own chapter footer, without "Mark as done".
export { default } from "@theme-original/DocItem/Footer";
