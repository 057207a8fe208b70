import { connect, createServer, type Socket } from "node:net";

/** A TCP proxy in front of PostgreSQL that the test can make "go down" at a chosen moment. */
export interface DatabaseProxy {
  /** `databaseUrl` with host and port replaced by the proxy's. */
  url: string;
  /** From the first client bytes that contain `marker` on (that chunk is not forwarded), the database is down. */
  goDownAt(marker: string): void;
  /** Cuts every connection and refuses new ones. */
  goDown(): void;
  /** Forwards again. */
  comeBack(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy to the database of `databaseUrl`. While "down" it resets every connection, as a database that
 * restarts or a network that fails does; the auth-server's pool sees real connection errors.
 */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let down = false;
  let marker: string | undefined;
  const goDown = () => {
    down = true;
    for (const socket of sockets) socket.destroy();
  };
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.on("data", (chunk: Buffer) => {
      if (marker !== undefined && chunk.includes(marker)) {
        marker = undefined;
        goDown();
      } else if (!down) upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!down) client.write(chunk);
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no TCP port");
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    goDownAt: (text) => {
      marker = text;
    },
    goDown,
    comeBack: () => {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        goDown();
        server.close(() => resolve());
      }),
  };
}
