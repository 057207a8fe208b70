import Translate, { translate } from "@docusaurus/Translate";
import { describeDevice } from "@site/src/lib/describe-device.js";
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
  const thisDevice = translate({ id: "account.sessions.thisDevice", message: "This device" });
  return (
    <li className={styles.item} aria-label={current ? `${device} (${thisDevice})` : device}>
      <div>
        <div className={styles.device}>
          {device}
          {current ? <span className={styles.current}>{thisDevice}</span> : null}
        </div>
        <div className={styles.meta}>
          <Translate
            id="account.sessions.lastSeen"
            values={{ lastSeen: dateTime.format(new Date(session.updatedAt)) }}
          >
            {"Last seen {lastSeen}"}
          </Translate>
          {session.ipAddress ? ` · ${session.ipAddress}` : ""} ·{" "}
          <Translate
            id="account.sessions.signedIn"
            values={{ signedIn: dateTime.format(new Date(session.createdAt)) }}
          >
            {"signed in {signedIn}"}
          </Translate>
        </div>
      </div>
      {current ? null : (
        <button type="button" className="button button--sm button--secondary" onClick={onRevoke}>
          <Translate id="account.sessions.revoke">Sign out this session</Translate>
        </button>
      )}
    </li>
  );
}
