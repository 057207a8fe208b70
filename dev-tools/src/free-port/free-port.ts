import type { AddressInfo } from "node:net";
import { createServer } from "node:net";

/**
 * A port the OS considers free right now on 127.0.0.1, for a server whose public URL must be known before it
 * starts (a site build that bakes the services' URLs in, a server told its own URL).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
