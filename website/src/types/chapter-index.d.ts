// Written at build time by config/chapters-plugin.ts.
declare module "@generated/textbook-chapters/default/chapters.json" {
  const index: import("../../config/chapters-plugin.js").ChapterIndex;
  export default index;
}
