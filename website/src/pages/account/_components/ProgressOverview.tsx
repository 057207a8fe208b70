import Link from "@docusaurus/Link";
import Translate, { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import { ContinueReading } from "@site/src/components/progress/ContinueReading.js";
import { useReadingProgress } from "@site/src/components/progress/ReadingProgressProvider.js";
import { useChapterIndex } from "@site/src/lib/progress/use-chapter-index.js";
import styles from "./progress-overview.module.css";
import { ResetProgress } from "./ResetProgress.js";

/** Per module: chapters done of total, each chapter with how far it was read. */
export function ProgressOverview() {
  const { chapters, source, offline } = useReadingProgress();
  const index = useChapterIndex();
  if (source === "loading" || !index) {
    return (
      <p aria-live="polite">
        <Translate id="progress.page.loading">Loading your progress…</Translate>
      </p>
    );
  }
  return (
    <>
      {source === "local" ? (
        <Alert kind="info">
          <Translate
            id="progress.page.local"
            values={{
              register: (
                <Link to="/register?next=/account/progress">
                  {translate({ id: "progress.page.local.register", message: "create an account" })}
                </Link>
              ),
            }}
          >
            {"This progress is kept in this browser only; {register} to keep it everywhere you read."}
          </Translate>
        </Alert>
      ) : null}
      {offline ? (
        <Alert kind="warning">
          <Translate id="progress.page.offline">
            The progress service cannot be reached: your reading is kept in this browser and sent later.
          </Translate>
        </Alert>
      ) : null}
      <ContinueReading className={styles.continue} />
      {index.modules.map((module) => {
        const done = module.chapters.filter((chapter) => chapters[chapter.id]?.completed).length;
        const label =
          module.label ??
          translate({ id: "progress.page.generalModule", message: "Introduction and glossary" });
        return (
          <section key={label} className={styles.module} aria-label={label}>
            <h2 className={styles.moduleTitle}>
              {label}
              <span className={styles.count}>
                <Translate id="progress.page.doneOfTotal" values={{ done, total: module.chapters.length }}>
                  {"{done} of {total} chapters done"}
                </Translate>
              </span>
            </h2>
            <ul className={styles.chapters}>
              {module.chapters.map((chapter) => {
                const known = chapters[chapter.id];
                return (
                  <li key={chapter.id} className={known?.completed ? styles.completed : undefined}>
                    <Link to={chapter.path}>{chapter.title}</Link>{" "}
                    <span className={styles.state}>
                      {known?.completed ? (
                        <Translate id="progress.page.chapterDone">✓ done</Translate>
                      ) : known ? (
                        <Translate
                          id="progress.page.chapterRead"
                          values={{ percent: Math.round(known.fraction * 100) }}
                        >
                          {"{percent}% read"}
                        </Translate>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <ResetProgress />
    </>
  );
}
