import Layout from "@theme/Layout";
import type { ReactNode } from "react";
import styles from "./account.module.css";

interface Props {
  title: string;
  intro?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** The frame of every account page: the site layout with one centred card. */
export function AccountPage({ title, intro, wide = false, children }: Props) {
  return (
    <Layout title={title}>
      <main className={styles.page}>
        <div className={`${styles.card} ${wide ? styles.wide : ""}`}>
          <h1 className={styles.heading}>{title}</h1>
          {intro ? <div className={styles.intro}>{intro}</div> : null}
          {children}
        </div>
      </main>
    </Layout>
  );
}
