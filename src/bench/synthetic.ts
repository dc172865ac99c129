/**
 * Synthetic organizations for benchmarks: copies of the example organizations under new
 * slugs, so the benchmark measures policies as varied as the real ones (one or two
 * languages, short and long, every section).
 */
import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

export async function writeSyntheticOrganizations(examplesDir: string, targetDir: string, count: number): Promise<void> {
  const examples = (await readdir(examplesDir)).filter((name) => /\.(ya?ml|json|md)$/.test(name)).sort();
  await mkdir(targetDir, { recursive: true });
  await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const example = examples[index % examples.length] as string;
      const extension = path.extname(example);
      const slug = `org-${String(index).padStart(5, "0")}-${path.basename(example, extension)}`;
      return copyFile(path.join(examplesDir, example), path.join(targetDir, `${slug}${extension}`));
    }),
  );
}
