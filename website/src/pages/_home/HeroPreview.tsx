import Translate from "@docusaurus/Translate";
import styles from "./home.module.css";

/** A glimpse of a personalised chapter: what the homepage promises, drawn with the book's own blocks. */
export function HeroPreview() {
  return (
    <div className={styles.preview} aria-hidden>
      <div className={styles.previewHeader}>
        <span className={styles.previewDot} />
        <span className={styles.previewDot} />
        <span className={styles.previewDot} />
        <span className={styles.previewPath}>
          <Translate id="home.preview.path">Module 2 · Nodes and Topics</Translate>
        </span>
      </div>
      <div className={styles.previewBody}>
        <p className={styles.previewHeading}>
          <Translate id="home.preview.heading">A closed-loop controller node</Translate>
        </p>
        <pre className={styles.previewCode}>
          {`self.create_subscription(
    Pose, "/turtle1/pose",
    self.on_pose, 10)`}
        </pre>
        <div className={styles.previewBlock}>
          <span className={styles.previewBadge}>
            <Translate id="home.preview.primer.badge">For you · beginner</Translate>
          </span>
          <span>
            <Translate id="home.preview.primer.title">Python primer: classes and callbacks</Translate>
          </span>
        </div>
        <div className={`${styles.previewBlock} ${styles.previewLab}`}>
          <span className={styles.previewBadge}>
            <Translate id="home.preview.lab.badge">Your lab · simulation</Translate>
          </span>
          <span>
            <Translate id="home.preview.lab.title">Drive turtlesim to a goal</Translate>
          </span>
        </div>
        <div className={styles.previewSwitch}>
          <span className={styles.previewToggle} />{" "}
          <Translate id="home.preview.showAll">Show all variants</Translate>
        </div>
      </div>
    </div>
  );
}
