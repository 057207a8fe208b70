/** One dependency's state on /readyz. */
export type CheckState = "ok" | "unavailable";

/** The one /readyz body of both services (OPERATIONS.md): `checks` names each dependency and its state. */
export interface ReadinessBody<Name extends string = string> {
  status: "ok" | "unavailable";
  checks: Record<Name, CheckState>;
}

/** How long one check may take before it counts as unavailable: a load balancer's probe should not hang. */
export const READINESS_CHECK_TIMEOUT_MS = 5_000;

/**
 * Runs every check at once; a check that throws or takes longer than the timeout is "unavailable". The answer is
 * 200 when all are ok and 503 otherwise, and the body names each check, so the failing one is visible:
 * `database`, `signingKeys`, and `redis` where a service cannot work without it.
 */
export async function checkReadiness<Name extends string>(
  checks: Record<Name, () => Promise<unknown>>,
  timeoutMs = READINESS_CHECK_TIMEOUT_MS,
): Promise<{ statusCode: 200 | 503; body: ReadinessBody<Name> }> {
  const names = Object.keys(checks) as Name[];
  const states = await Promise.all(names.map((name) => settle(checks[name], timeoutMs)));
  const body: ReadinessBody<Name> = {
    status: states.every((state) => state === "ok") ? "ok" : "unavailable",
    checks: Object.fromEntries(names.map((name, index) => [name, states[index]])) as Record<Name, CheckState>,
  };
  return { statusCode: body.status === "ok" ? 200 : 503, body };
}

async function settle(check: () => Promise<unknown>, timeoutMs: number): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), timeoutMs);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(check)
        .then(
          () => "ok" as const,
          () => "unavailable" as const,
        ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
