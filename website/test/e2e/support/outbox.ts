import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** The links of the mails to `to` in the outbox, oldest first (file names sort by time). */
export async function mailsTo(outboxDir: string, to: string): Promise<string[]> {
  const files = (await readdir(outboxDir).catch(() => [] as string[])).sort();
  const mails = await Promise.all(
    files.map(
      async (file) =>
        JSON.parse(await readFile(join(outboxDir, file), "utf8")) as { to: string; link: string },
    ),
  );
  return mails.filter((mail) => mail.to === to).map((mail) => mail.link);
}

/** The link of the newest mail to `to` in the outbox, or undefined while there is none. */
export async function latestMailLink(outboxDir: string, to: string): Promise<string | undefined> {
  return (await mailsTo(outboxDir, to)).at(-1);
}
