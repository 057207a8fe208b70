import { translate } from "@docusaurus/Translate";
import type { WrapperProps } from "@docusaurus/types";
import styles from "@site/src/components/progress/progress.module.css";
import { useReadingProgress } from "@site/src/components/progress/ReadingProgressProvider.js";
import type LinkType from "@theme/DocSidebarItem/Link";
import Link from "@theme-original/DocSidebarItem/Link";

type Props = WrapperProps<typeof LinkType>;

/** A sidebar chapter, wrapped (not ejected): a tick beside it once the learner has completed it. */
export default function LinkWrapper(props: Props) {
  const { chapters } = useReadingProgress();
  const { item } = props;
  if (!item.docId || chapters[item.docId]?.completed !== true) return <Link {...props} />;
  // The tick is drawn by CSS in the item's own padding, so it never moves the sidebar's text.
  const className = item.className ? `${item.className} ${styles.done}` : styles.done;
  const described = translate({
    id: "progress.sidebar.completed",
    message: "completed",
    description: "Read by screen readers after a completed chapter's name in the sidebar",
  });
  return <Link {...props} item={{ ...item, className }} aria-description={described} />;
}
