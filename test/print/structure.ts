/**
 * What a PDF's catalog and pages hold, read with pdf-lib: the parts poppler's tools do
 * not show (document language, outline, link targets). Not a test file itself.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";

export interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

export interface PdfStructure {
  /** The catalog's /Lang. */
  lang?: string;
  /** The bookmarks, as a tree; undefined when the catalog has no /Outlines. */
  outline?: OutlineItem[];
  /** /MarkInfo /Marked true, and a structure tree: a tagged PDF. */
  marked: boolean;
  structTree: boolean;
  /** The target of every link annotation that opens an address (URI action), page by page. */
  uris: string[];
  /** Link annotations that jump inside the document. */
  internalLinks: number;
}

const text = (value: unknown): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

export async function readStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = document.catalog;
  const outlines = catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const uris: string[] = [];
  let internalLinks = 0;
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let index = 0; index < (annotations?.size() ?? 0); index++) {
      const annotation = annotations!.lookup(index, PDFDict);
      if (annotation.get(PDFName.of("Subtype")) !== PDFName.of("Link")) continue;
      const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = text(action?.lookup(PDFName.of("URI")));
      if (uri !== undefined) uris.push(uri);
      else if (annotation.has(PDFName.of("Dest")) || action?.get(PDFName.of("S")) === PDFName.of("GoTo")) internalLinks++;
    }
  }
  return {
    lang: text(catalog.lookup(PDFName.of("Lang"))),
    outline: outlines ? outlineItems(outlines) : undefined,
    marked: markInfo?.get(PDFName.of("Marked"))?.toString() === "true",
    structTree: catalog.has(PDFName.of("StructTreeRoot")),
    uris,
    internalLinks,
  };
}

function outlineItems(parent: PDFDict): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (let item = parent.lookupMaybe(PDFName.of("First"), PDFDict); item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
    items.push({ title: text(item.lookup(PDFName.of("Title"))) ?? "", children: outlineItems(item) });
  }
  return items;
}

/** The outline's titles in reading order, each with its depth (1 for the top). */
export function flattenOutline(items: readonly OutlineItem[], depth = 1): Array<[number, string]> {
  return items.flatMap((item) => [[depth, item.title] as [number, string], ...flattenOutline(item.children, depth + 1)]);
}
