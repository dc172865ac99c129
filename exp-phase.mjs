import { printPdfs } from "./dist/pdf/print-site.js";
import { PdfCache } from "./dist/pdf/cache.js";
import { loadOrganizations } from "./dist/build/load.js";
const { organizations } = await loadOrganizations("/tmp/borgs");
const pages = organizations.flatMap((o) => o.pages);
const t0 = performance.now();
const r = await printPdfs(pages, { siteDir: "/tmp/bsite", pathPrefix: "/", browser: { path: "/usr/bin/chromium-headless-shell", source: "search" }, cache: new PdfCache("/tmp/cache-" + Date.now()), producer: "x" });
const T = globalThis.__T;
console.log("wall/doc", ((performance.now() - t0) / r.printed).toFixed(1), Object.fromEntries(Object.entries(T).filter(([k]) => k !== "n").map(([k, v]) => [k, (v / T.n).toFixed(1)])));
