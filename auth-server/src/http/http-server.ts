import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Starts listening and resolves with the port (useful when `port` is 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Stops accepting connections and resolves once in-flight requests have finished; connections still busy after
 * `graceMillis` are cut so shutdown never hangs on a stuck client.
 */
export function stopListening(server: Server, graceMillis = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMillis);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error && (error as NodeJS.ErrnoException).code !== "ERR_SERVER_NOT_RUNNING") reject(error);
      else resolve();
    });
    // Keep-alive connections with no request in flight would otherwise hold close() open.
    server.closeIdleConnections();
  });
}
