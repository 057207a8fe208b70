import { request } from "node:http";

const UPLOAD_BYTES = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, " ");
const ORIGIN = "http://localhost:3000";

/**
 * One 100 MB upload to sign-in: a declared Content-Length, or chunked without one. Writes with backpressure
 * until the server answers or closes; resolves with the status (0 when the connection ended without one).
 */
function upload(url: string, declared: boolean): Promise<{ status: number; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let status = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      req.destroy();
      resolve({ status, sent });
    };
    const req = request(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        ...(declared ? { "content-length": String(UPLOAD_BYTES) } : {}),
      },
    });
    req.on("response", (response) => {
      status = response.statusCode ?? 0;
      response.resume();
      response.on("end", finish);
    });
    req.on("error", finish);
    req.on("close", finish);
    const write = () => {
      while (!finished && sent < UPLOAD_BYTES) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once("drain", write);
          return;
        }
      }
      if (!finished) req.end();
    };
    write();
  });
}

/** What the clients did, printed as one JSON line on stdout. */
export interface UploadTally {
  uploads: number;
  refused: number;
  sentBytes: number;
}

// `node --import tsx upload-clients.ts <server url> <seconds> <clients>`: its own process, so writing gigabytes
// never slows the get-session probe of upload-memory.ts (which measures the server, not this client).
const [url = "", seconds = "6", clients = "20"] = process.argv.slice(2);
const deadline = performance.now() + Number(seconds) * 1000;
const tally: UploadTally = { uploads: 0, refused: 0, sentBytes: 0 };
await Promise.all(
  Array.from({ length: Number(clients) }, async (_, client) => {
    while (performance.now() < deadline) {
      const { status, sent } = await upload(url, client % 2 === 0);
      tally.uploads++;
      tally.sentBytes += sent;
      if (status === 413) tally.refused++;
    }
  }),
);
process.stdout.write(`${JSON.stringify(tally)}\n`);
