import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Text types every static host compresses (fonts and images are compressed already). */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".xml", ".txt"]);

/**
 * Serves a Docusaurus build the way its `serve` command does (`/profile` → `profile.html` or
 * `profile/index.html`, unknown paths → `404.html`), on 127.0.0.1:`port`; text is gzipped for a browser that
 * accepts it, as any production host does (Lighthouse's simulated slow 4G would otherwise time the raw bytes).
 */
export async function serveStatic(root: string, port: number): Promise<{ close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const candidates = [path, `${path}.html`, join(path, "index.html")].map((p) => join(root, p));
    for (const file of candidates) {
      if (!file.startsWith(root) || !(await isFile(file))) continue;
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const gzip =
        COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      if (gzip) {
        response.writeHead(200, {
          "content-type": type,
          "content-encoding": "gzip",
          vary: "accept-encoding",
        });
        createReadStream(file).pipe(createGzip()).pipe(response);
      } else {
        response.writeHead(200, { "content-type": type });
        createReadStream(file).pipe(response);
      }
      return;
    }
    response.writeHead(404, { "content-type": TYPES[".html"] });
    createReadStream(join(root, "404.html")).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
