import { useCallback, useEffect, useState } from "react";
import { Alert } from "../../../components/account/Alert.js";
import { useAuth } from "../../../components/auth/AuthProvider.js";
import { authErrorMessage } from "../../../lib/auth-error-message.js";
import { SessionItem, type SessionRow } from "./SessionItem.js";
import styles from "./sessions.module.css";

/** The learner's sessions (this device first), with revoking one or all others. */
export function SessionList() {
  const { client, sessionId } = useAuth();
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data, error } = await client.listSessions().catch(() => ({ data: null, error: { status: 0 } }));
    if (error || !data) {
      setProblem(authErrorMessage(error));
      return;
    }
    setProblem(null);
    // This device first, then the others by last activity.
    const lastSeen = (session: SessionRow) => new Date(session.updatedAt).getTime();
    const sorted = [...data].sort(
      (a, b) => Number(b.id === sessionId) - Number(a.id === sessionId) || lastSeen(b) - lastSeen(a),
    );
    setSessions(sorted);
  }, [client, sessionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (request: Promise<{ error: unknown }>) => {
    const { error } = await request.catch(() => ({ error: { status: 0 } }));
    if (error) setProblem(authErrorMessage(error as { status?: number }));
    await load();
  };

  if (!sessions) return problem ? <Alert kind="warning">{problem}</Alert> : <p>Loading your sessions…</p>;
  const others = sessions.filter((session) => session.id !== sessionId);
  return (
    <>
      {problem ? <Alert kind="danger">{problem}</Alert> : null}
      <ul className={styles.list}>
        {sessions.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            current={session.id === sessionId}
            onRevoke={() => act(client.revokeSession({ token: session.token }))}
          />
        ))}
      </ul>
      {others.length > 0 ? (
        <button
          type="button"
          className="button button--outline button--danger"
          onClick={() => act(client.revokeOtherSessions())}
        >
          Sign out all other sessions
        </button>
      ) : (
        <p className={styles.only}>This is your only session.</p>
      )}
    </>
  );
}
