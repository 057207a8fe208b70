/**
 * The operating rules both services follow (OPERATIONS.md): one request-id policy, one /readyz body, one point
 * at which load is shed. Each service answers in its own error contract; what they share lives here.
 */
export { OVERLOAD_POLICY, type OverloadMonitor, watchEventLoop } from "./overload.js";
export {
  type CheckState,
  checkReadiness,
  READINESS_CHECK_TIMEOUT_MS,
  type ReadinessBody,
} from "./readiness.js";
export { newRequestId, REQUEST_ID_HEADER } from "./request-id.js";
