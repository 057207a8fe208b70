import type { WrapperProps } from "@docusaurus/types";
import { ChapterProgressControls } from "@site/src/components/progress/ChapterProgressControls.js";
import type FooterType from "@theme/DocItem/Footer";
import Footer from "@theme-original/DocItem/Footer";

type Props = WrapperProps<typeof FooterType>;

/** The chapter footer, wrapped (not ejected): reading progress and "Mark as done" come after it. */
export default function FooterWrapper(props: Props) {
  return (
    <>
      <Footer {...props} />
      <ChapterProgressControls />
    </>
  );
}
