import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";

/**
 * Better Auth's own client against a test server, keeping cookies like a browser would (one jar per client) and
 * sending the trusted website origin.
 */
export function createTestClient(baseURL: string, origin: string) {
  const jar = new Map<string, string>();
  let lastJwt: string | null = null;
  const client = createAuthClient({
    baseURL,
    plugins: [jwtClient()],
    fetchOptions: {
      onRequest: (context) => {
        context.headers.set("origin", origin);
        if (jar.size)
          context.headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
        return context;
      },
      onResponse: (context) => {
        for (const line of context.response.headers.getSetCookie()) {
          const [pair = "", ...attributes] = line.split(";");
          const [name = "", ...value] = pair.split("=");
          const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()));
          if (expired || value.join("=") === "") jar.delete(name.trim());
          else jar.set(name.trim(), value.join("="));
        }
        lastJwt = context.response.headers.get("set-auth-jwt") ?? lastJwt;
      },
    },
  });
  return {
    client,
    cookieHeader: () => [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
    cookieNames: () => [...jar.keys()],
    lastJwt: () => lastJwt,
  };
}
