/** A sign-in provider the auth-server has configured: "Continue with <name>". */
export interface SignInProvider {
  id: string;
  name: string;
}

/**
 * Asks the auth-server which providers it has configured (GET /api/auth/providers), so one build of the site
 * serves any configuration. Rejects when the server cannot be asked or answers something else than the list.
 */
export async function fetchSignInProviders(authUrl: string, signal?: AbortSignal): Promise<SignInProvider[]> {
  const response = await fetch(`${authUrl}/api/auth/providers`, signal ? { signal } : {});
  if (!response.ok) throw new Error(`The auth-server answered ${response.status} for its providers.`);
  return parseSignInProviders(await response.json());
}

/** Keeps the well-formed entries of the auth-server's answer `{ providers: [{ id, name }] }`. */
export function parseSignInProviders(body: unknown): SignInProvider[] {
  const list = (body as { providers?: unknown } | null)?.providers;
  if (!Array.isArray(list)) throw new Error("The auth-server's provider list is malformed.");
  return list.filter(
    (entry): entry is SignInProvider =>
      typeof entry?.id === "string" &&
      entry.id !== "" &&
      typeof entry?.name === "string" &&
      entry.name !== "",
  );
}
