// Preloaded into every service of the system suite (`node --expose-gc --import tsx --import <this file>`), never
// in production. On the parent's "collect-garbage" message it runs a full garbage collection and answers with the
// resident size of V8's young generation, which that collection has just emptied: the soak reads resident memory
// without what V8 merely has not collected yet, or sized for the allocation rate (test/system/README.md, "soak").
import { getHeapSpaceStatistics } from "node:v8";

const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", (message) => {
  if (message !== "collect-garbage") return;
  if (!gc) {
    process.send?.({ error: "gc() is not exposed (--expose-gc)" });
    return;
  }
  gc();
  const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
  process.send?.({ youngGenerationBytes: young?.physical_space_size ?? 0 });
});
// Listening for messages refs the IPC channel; the service must still exit on its own (SIGTERM, fatal error).
process.channel?.unref();
