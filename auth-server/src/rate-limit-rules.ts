const MINUTE = 60;

/**
 * Strict limits where guessing or mail-bombing is possible, per client address and path, stored in the database
 * so every instance shares them. Read-only session endpoints are left out: they need a valid session anyway, and
 * a database write per page view would only slow every user down.
 */
export const rateLimitRules = {
  window: MINUTE,
  max: 100,
  customRules: {
    "/sign-in/*": { window: MINUTE, max: 5 },
    "/sign-up/*": { window: MINUTE, max: 5 },
    "/request-password-reset": { window: MINUTE, max: 3 },
    "/send-verification-email": { window: MINUTE, max: 3 },
    "/get-session": false,
    "/token": false,
    "/jwks": false,
  },
} as const;
