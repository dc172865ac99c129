/**
 * A site address (`/assets/hoshin/fonts.css`) as seen from a page (`/a/versions/2024-01-01/ja/`):
 * `../../../../assets/hoshin/fonts.css`. Archived pages link this way, so they work whatever
 * path the site is later served under.
 */
import path from "node:path";

export function relativeUrl(fromPage: string, to: string): string {
  const fromDir = fromPage.endsWith("/") ? fromPage : path.posix.dirname(fromPage);
  const relative = path.posix.relative(fromDir, to);
  if (relative === "") return "./";
  return to.endsWith("/") && !relative.endsWith("/") ? `${relative}/` : relative;
}
