// Benchmark baseline (TEXTBOOK_PROGRESS=off): the theme's own chapter footer, without "Mark as done".
export { default } from "@theme-original/DocItem/Footer";
