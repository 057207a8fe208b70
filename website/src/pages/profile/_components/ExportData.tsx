import Translate from "@docusaurus/Translate";
import type { ProfileApiClient } from "@site/src/lib/profile-api-client.js";
import { useState } from "react";

/** Downloads everything the profile-api holds about the learner, as JSON. */
export function ExportData({ api }: { api: ProfileApiClient }) {
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setFailed(false);
    try {
      const blob = await api.exportData();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "textbook-profile-export.json";
      link.click();
      URL.revokeObjectURL(link.href);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <button type="button" className="button button--secondary" onClick={download}>
        <Translate id="profile.export.button">Export my data</Translate>
      </button>
      {failed ? (
        <span role="alert">
          <Translate id="profile.export.failed">
            The export is unavailable right now. Try again in a moment.
          </Translate>
        </span>
      ) : null}
    </>
  );
}
