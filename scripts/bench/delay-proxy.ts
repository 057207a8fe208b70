import { connect, createServer, type Socket } from "node:net";

/**
 * A TCP proxy on 127.0.0.1 that delays every chunk by `oneWayMs` in each direction, in order: a database on this
 * machine seen as if it were `2 × oneWayMs` of round trip away, as Supabase and Neon are from where a migration
 * runs. The kernel's netem would do it with less overhead, but this machine's kernel has none.
 */
export async function startDelayProxy(
  target: { host: string; port: number },
  oneWayMs: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    forward(client, upstream, oneWayMs);
    forward(upstream, client, oneWayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the delay proxy has no TCP port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// Timers of the same delay fire in the order they were set, so chunks arrive in the order they were sent.
function forward(from: Socket, to: Socket, ms: number): void {
  from.on("data", (chunk) => setTimeout(() => to.writable && to.write(chunk), ms));
  from.on("end", () => setTimeout(() => to.end(), ms));
  from.on("error", () => to.destroy());
}
