import styles from "./home.module.css";

/** A glimpse of a personalised chapter: what the homepage promises, drawn with the book's own blocks. */
export function HeroPreview() {
  return (
    <div className={styles.preview} aria-hidden>
      <div className={styles.previewHeader}>
        <span className={styles.previewDot} />
        <span className={styles.previewDot} />
        <span className={styles.previewDot} />
        <span className={styles.previewPath}>Module 2 · Nodes and Topics</span>
      </div>
      <div className={styles.previewBody}>
        <p className={styles.previewHeading}>A closed-loop controller node</p>
        <pre className={styles.previewCode}>
          {`self.create_subscription(
    Pose, "/turtle1/pose",
    self.on_pose, 10)`}
        </pre>
        <div className={styles.previewBlock}>
          <span className={styles.previewBadge}>For you · beginner</span>
          <span>Python primer: classes and callbacks</span>
        </div>
        <div className={`${styles.previewBlock} ${styles.previewLab}`}>
          <span className={styles.previewBadge}>Your lab · simulation</span>
          <span>Drive turtlesim to a goal</span>
        </div>
        <div className={styles.previewSwitch}>
          <span className={styles.previewToggle} /> Show all variants
        </div>
      </div>
    </div>
  );
}
