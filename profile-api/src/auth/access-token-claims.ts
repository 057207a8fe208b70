/** What the profile-api takes from a verified access token (the auth-server's slim payload). */
export interface AccessTokenClaims {
  /** The user's id (a UUID): the only identity the API trusts. */
  sub: string;
  email?: string;
  name?: string;
  emailVerified?: boolean;
  /** Seconds since the epoch. */
  exp: number;
  iat: number;
}
