// Characters a URL parser drops (tab, newline, CR: WHATWG URL "remove all ASCII tab or newline") or turns into "/"
// (a backslash, for http and https), and the other control characters: none belongs in a path this site makes, and
// any of them can turn "/x/evil.example" into "//evil.example", another host.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const SITE = "https://site.invalid";

/** Every form `path` takes as it is percent-decoded again and again (routers decode; attackers encode twice). */
function decodedForms(path: string): string[] | null {
  const forms = [path];
  for (let round = 0; round < 5; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(forms.at(-1) as string);
    } catch {
      return null;
    }
    if (decoded === forms.at(-1)) return forms;
    forms.push(decoded);
  }
  return null;
}

/**
 * Whether `path` stays on this site: a path starting with one "/" that no URL parser, router or further
 * percent-decoding can turn into another host (`//evil.example`, `/\evil.example`, `/\t/evil.example`,
 * `javascript:…` and their percent-encoded forms are refused), so a `?next=` parameter cannot send the learner
 * elsewhere after signing in.
 */
export function isLocalPath(path: string): boolean {
  const forms = decodedForms(path);
  if (!forms) return false;
  const safe = forms.every((form) => form.startsWith("/") && !form.startsWith("//") && !UNSAFE.test(form));
  return safe && new URL(path, SITE).origin === SITE;
}
