import { parseConfig } from "./config.js";
import { createServer } from "./create-server.js";

// The one place that reads the environment (STYLE.md: config is parsed once).
let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (error) {
  // A ConfigError names the service and every bad variable already.
  console.error((error as Error).message);
  process.exit(1);
}

const server = await createServer(config);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  server.log.info({ signal }, "shutting down: finishing requests in flight");
  // A request stuck past this point would keep the process alive forever.
  const force = setTimeout(() => {
    server.log.error("requests still in flight after 10 s; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  await server.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void shutdown(signal));

try {
  await server.listen({ host: config.host, port: config.port });
} catch (error) {
  server.log.fatal({ err: error }, "could not listen");
  process.exit(1);
}
