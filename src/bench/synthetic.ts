/**
 * Synthetic organizations for benchmarks: copies of the example organizations under new
 * slugs, so the benchmark measures policies as varied as the real ones (short and long,
 * every section, YAML, JSON and Markdown), plus one-language versions of two of them, so
 * that some organizations publish one page and most publish two. The multicultural
 * example publishes six languages; here it keeps Japanese and English, as every run before
 * it had, so that figures stay comparable across runs.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";
import { LANGUAGE_TAG } from "../model/policy.js";

export interface Variant {
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
  const variants: Variant[] = [];
  for (const example of examples) {
    const extension = path.extname(example);
    const name = path.basename(example, extension);
    if (example === "tabunka-center.yaml") {
      variants.push(await languageVariant(examplesDir, example, ["ja", "en"], name));
      continue;
    }
    variants.push({ name, extension, write: (destination) => copyFile(path.join(examplesDir, example), destination) });
  }
  for (const { file, lang } of [
    { file: "genron-npo.json", lang: "en" },
    { file: "tabunka-center.yaml", lang: "ja" },
  ] as const) {
    if (!examples.includes(file)) continue;
    variants.push(await languageVariant(examplesDir, file, [lang], `${path.basename(file, path.extname(file))}-${lang}`));
  }
  return variants;
}

/** An example published in `langs` only: its texts in those languages, the others left out. */
export async function languageVariant(examplesDir: string, file: string, langs: readonly string[], name: string): Promise<Variant> {
  const extension = path.extname(file);
  const text = await readFile(path.join(examplesDir, file), "utf8");
  const data = extension === ".json" ? JSON.parse(text) : parse(text);
  const only = { ...(inLanguages(data, langs) as object), languages: langs, authoritative: langs[0] };
  // Never folded (lineWidth 0): yaml folds a long quoted string between the halves of a
  // surrogate pair (𠮷, 😀), and the file would hold U+FFFD where the character was.
  const content = extension === ".json" ? `${JSON.stringify(only, null, 2)}\n` : stringify(only, { lineWidth: 0 });
  return { name, extension, write: (destination) => writeFile(destination, content) };
}

/** Every text by language (`{ ja, en, … }`) kept in `langs` only: a plain string when that is one. */
function inLanguages(value: unknown, langs: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => inLanguages(item, langs));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const isText = entries.length > 0 && entries.every(([key, text]) => LANGUAGE_TAG.test(key) && typeof text === "string") && entries.some(([key]) => key === "ja");
  if (isText) {
    const texts = value as Record<string, string>;
    return langs.length === 1 ? texts[langs[0]!] : Object.fromEntries(langs.map((lang) => [lang, texts[lang]]));
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, inLanguages(item, langs)]));
}
