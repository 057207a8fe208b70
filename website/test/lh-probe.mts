// Ad hoc (not committed): Lighthouse 12.2.3 accessibility on five pages of a build, signed in for the profile.
import { createRequire } from "node:module";
import { startAuthServer } from "@textbook/auth-server/testing";
import { startProfileApi } from "@textbook/profile-api/testing";
import { createTestDatabase } from "@textbook/migrations/testing";
import { serveStatic } from "/work/wt/h6-reader/website/test/e2e/support/static-server.ts";
const req = createRequire("/tmp/h6/lh/package.json");
const lighthouse = (await import(req.resolve("lighthouse"))).default;
const { launch } = await import(req.resolve("chrome-launcher"));
const [buildDir, web, auth, api] = process.argv.slice(2);
const port = (u: string) => new URL(u).port;
const db = await createTestDatabase();
const site = await serveStatic(buildDir, Number(port(web)));
const a = await startAuthServer({ DATABASE_URL: db.url, WEBSITE_URL: web, BETTER_AUTH_URL: auth, AUTH_PORT: port(auth), PROFILE_API_URL: api, REQUIRE_EMAIL_VERIFICATION: "false", RATE_LIMIT_ENABLED: "false", OUTBOX_DIR: "/tmp/h6/outbox", DATA_DIR: "/tmp/h6/data", BETTER_AUTH_SECRET: "lighthouse-secret-that-is-long-enough-for-better-auth" });
const p = await startProfileApi({ DATABASE_URL: db.url, JWKS_URL: `${auth}/api/auth/jwks`, JWT_ISSUER: auth, JWT_AUDIENCE: api, WEBSITE_URL: web, PROFILE_API_PORT: port(api) });
const signUp = await fetch(`${auth}/api/auth/sign-up/email`, { method: "POST", headers: { "content-type": "application/json", origin: web }, body: JSON.stringify({ name: "Lighthouse Reader", email: "lighthouse@example.com", password: "lighthouse-password-1" }) });
const cookie = (signUp.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
const chrome = await launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
for (const [path, signedIn] of [["/", false], ["/docs/humanoid-control/balance-and-zmp", false], ["/login", false], ["/register", false], ["/profile", true]] as const) {
  const r = await lighthouse(`${web}${path}`, { port: chrome.port, onlyCategories: ["accessibility"], logLevel: "error", output: "json", extraHeaders: signedIn ? { Cookie: cookie } : undefined });
  const failed = Object.values(r.lhr.audits).filter((x: any) => x.score === 0 && x.scoreDisplayMode === "binary").map((x: any) => x.id);
  console.log(`${path}\t${Math.round(r.lhr.categories.accessibility.score * 100)}\t${failed.join(",")}`);
}
chrome.kill(); await p.close(); await a.close(); await site.close(); await db.drop();
