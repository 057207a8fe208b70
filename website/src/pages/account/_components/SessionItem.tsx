import { describeDevice } from "../../../lib/describe-device.js";
import styles from "./sessions.module.css";

/** The fields of a Better Auth session the list shows. */
export interface SessionRow {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

interface Props {
  session: SessionRow;
  current: boolean;
  onRevoke: () => void;
}

/** One session: device, address, last activity, and a way to end it. */
export function SessionItem({ session, current, onRevoke }: Props) {
  const device = describeDevice(session.userAgent);
  return (
    <li className={styles.item} aria-label={`${device}${current ? " (this device)" : ""}`}>
      <div>
        <div className={styles.device}>
          {device}
          {current ? <span className={styles.current}>This device</span> : null}
        </div>
        <div className={styles.meta}>
          Last seen {dateTime.format(new Date(session.updatedAt))}
          {session.ipAddress ? ` · ${session.ipAddress}` : ""} · signed in{" "}
          {dateTime.format(new Date(session.createdAt))}
        </div>
      </div>
      {current ? null : (
        <button type="button" className="button button--sm button--secondary" onClick={onRevoke}>
          Sign out this session
        </button>
      )}
    </li>
  );
}
