import Translate from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authErrorMessage } from "@site/src/lib/auth-error-message.js";
import { useCallback, useEffect, useState } from "react";
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

  if (!sessions) {
    if (problem) return <Alert kind="warning">{problem}</Alert>;
    return (
      <p aria-live="polite">
        <Translate id="account.sessions.loading">Loading your sessions…</Translate>
      </p>
    );
  }
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
          <Translate id="account.sessions.revokeOthers">Sign out all other sessions</Translate>
        </button>
      ) : (
        <p className={styles.only}>
          <Translate id="account.sessions.only">This is your only session.</Translate>
        </p>
      )}
    </>
  );
}
