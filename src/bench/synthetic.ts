/**
 * Synthetic organizations for benchmarks: copies of the example organizations under new
 * slugs, so the benchmark measures policies as varied as the real ones (short and long,
 * every section, YAML, JSON and Markdown), plus one-language versions of two of them, so
 * that some organizations publish one page and most publish two.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";

interface Variant {
  name: string;
  extension: string;
  write(destination: string): Promise<void>;
}

export async function writeSyntheticOrganizations(examplesDir: string, targetDir: string, count: number): Promise<void> {
  const variants = await exampleVariants(examplesDir);
  await mkdir(targetDir, { recursive: true });
  // Written in batches: ten thousand files opened at once would run out of descriptors.
  for (let start = 0; start < count; start += 256) {
    await Promise.all(
      Array.from({ length: Math.min(256, count - start) }, (_, offset) => {
        const index = start + offset;
        const variant = variants[index % variants.length] as Variant;
        const slug = `org-${String(index).padStart(5, "0")}-${variant.name}`;
        return variant.write(path.join(targetDir, `${slug}${variant.extension}`));
      }),
    );
  }
}

async function exampleVariants(examplesDir: string): Promise<Variant[]> {
  const examples = (await readdir(examplesDir)).filter((name) => /\.(ya?ml|json|md)$/.test(name)).sort();
  const variants: Variant[] = examples.map((example) => {
    const extension = path.extname(example);
    return {
      name: path.basename(example, extension),
      extension,
      write: (destination) => copyFile(path.join(examplesDir, example), destination),
    };
  });
  for (const { file, lang } of [
    { file: "genron-npo.json", lang: "en" },
    { file: "tabunka-center.yaml", lang: "ja" },
  ] as const) {
    if (!examples.includes(file)) continue;
    const extension = path.extname(file);
    const text = await readFile(path.join(examplesDir, file), "utf8");
    const data = extension === ".json" ? JSON.parse(text) : parse(text);
    const single = { ...(inOneLanguage(data, lang) as object), languages: [lang], authoritative: lang };
    // Never folded (lineWidth 0): yaml folds a long quoted string between the halves of a
    // surrogate pair (𠮷, 😀), and the file would hold U+FFFD where the character was.
    const content = extension === ".json" ? `${JSON.stringify(single, null, 2)}\n` : stringify(single, { lineWidth: 0 });
    variants.push({ name: `${path.basename(file, extension)}-${lang}`, extension, write: (destination) => writeFile(destination, content) });
  }
  return variants;
}

/** Every `{ ja, en }` text replaced by its text in `lang`. */
function inOneLanguage(value: unknown, lang: "ja" | "en"): unknown {
  if (Array.isArray(value)) return value.map((item) => inOneLanguage(item, lang));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const isText = entries.length > 0 && entries.every(([key, text]) => (key === "ja" || key === "en") && typeof text === "string");
  if (isText) return (value as Record<string, string>)[lang];
  return Object.fromEntries(entries.map(([key, item]) => [key, inOneLanguage(item, lang)]));
}
