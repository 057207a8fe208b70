/**
 * The configuration pieces every service, build and command reads its environment with (zod schemas), so a
 * variable that two parts share is read one way. Each part keeps its own schema made from them; only its
 * configuration module reads `process.env`. docs/architecture.md, "Configuration", lists the accepted syntax.
 */

export { directDatabase, directDatabaseVariables } from "./direct-database.js";
export { DURATION_SYNTAX, duration, formatDuration, parseDurationSeconds } from "./duration.js";
export { flag } from "./flag.js";
export { integer, port } from "./numbers.js";
export { ConfigError, type Environment, parseEnvironment } from "./parse-environment.js";
export { proxyTrust } from "./proxy-trust.js";
export { LOG_LEVELS, logLevel, optionalText } from "./text.js";
export { baseUrl, databaseUrl, httpUrl, origin, redisUrl, smtpUrl } from "./urls.js";
