import { connect, createServer, type Socket } from "node:net";

/** A TCP proxy in front of PostgreSQL that the test can make "go down" at a chosen moment. */
export interface DatabaseProxy {
  /** `databaseUrl` with host and port replaced by the proxy's. */
  url: string;
  /** From the first client bytes that contain `marker` on (that chunk is not forwarded), the database is down. */
  goDownAt(marker: string): void;
  /**
   * Ends the connection whose client bytes first contain `marker` (not forwarded) as a restarting PostgreSQL does,
   * FATAL 57P01; other and new connections go on.
   */
  cutAt(marker: string): void;
  /** Cuts every connection and refuses new ones. */
  goDown(): void;
  /** Forwards again. */
  comeBack(): void;
  close(): Promise<void>;
}

/**
 * What PostgreSQL sends a connection's client when the server shuts down or restarts, before it closes the
 * connection: an ErrorResponse, severity FATAL, SQLSTATE 57P01 (protocol: "ErrorResponse", PostgreSQL docs §55.7).
 */
function adminShutdown(): Buffer {
  const fields = [
    ["S", "FATAL"],
    ["V", "FATAL"],
    ["C", "57P01"],
    ["M", "terminating connection due to administrator command"],
  ];
  const body = Buffer.concat([
    ...fields.map(([code, text]) => Buffer.from(`${code}${text}\0`)),
    Buffer.from([0]),
  ]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from("E"), length, body]);
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
  let cutMarker: string | undefined;
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
      if (cutMarker !== undefined && chunk.includes(cutMarker)) {
        cutMarker = undefined;
        upstream.destroy();
        client.end(adminShutdown());
      } else if (marker !== undefined && chunk.includes(marker)) {
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
    cutAt: (text) => {
      cutMarker = text;
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
