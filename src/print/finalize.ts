/**
 * The PDF as Chromium printed it, made reproducible and described: document info from the
 * page, dates from the policy (never the clock), the language of the page, links to the
 * published site. Chromium's own layout is edited in place (edit-in-place.ts); anything
 * else is parsed and written again by pdf-lib.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from "pdf-lib";
import { editChromiumPdf } from "./edit-in-place.js";
import type { LinkRebase } from "./link-rebase.js";
import { stableNodeIds } from "./node-ids.js";

export interface PdfDescription {
  title: string;
  author: string;
  subject: string;
  lang: string;
  /** The policy's last revision (YYYY-MM-DD or YYYY-MM); no dates at all when it states none. */
  date?: string;
}

export async function finalizePdf(
  printed: Uint8Array,
  description: PdfDescription,
  producer: string,
  links: LinkRebase,
): Promise<Uint8Array> {
  // A table's header ids come from the tab's DOM: numbered by the page alone, the bytes are too.
  const stable = stableNodeIds(printed);
  const edited = editChromiumPdf(stable, { info: infoDictionary(description, producer), links, lang: description.lang });
  return edited ?? rewriteWithPdfLib(stable, description, producer, links);
}

/** The document information, written as pdf-lib writes it: text as UTF-16 hex strings. */
function infoDictionary(description: PdfDescription, producer: string): string {
  const entries: [string, string][] = [
    ["Title", PDFHexString.fromText(description.title).toString()],
    ["Author", PDFHexString.fromText(description.author).toString()],
    ["Subject", PDFHexString.fromText(description.subject).toString()],
    ["Creator", PDFHexString.fromText("hoshin").toString()],
    ["Producer", PDFHexString.fromText(producer).toString()],
  ];
  if (description.date) {
    const date = PDFString.fromDate(policyDate(description.date)).toString();
    entries.push(["CreationDate", date], ["ModDate", date]);
  }
  return `<<${entries.map(([key, value]) => `/${key} ${value}`).join("\n")}>>`;
}

/**
 * Any PDF: parsed and written again whole by pdf-lib, object streams and all. Used when the
 * PDF is not laid out as Chromium lays its PDFs out (see edit-in-place.ts).
 */
async function rewriteWithPdfLib(printed: Uint8Array, description: PdfDescription, producer: string, links: LinkRebase): Promise<Uint8Array> {
  // updateMetadata: false — pdf-lib would otherwise stamp the current time. Parsing and
  // saving at full speed: by default pdf-lib yields to the event loop every 50 objects,
  // which for a tagged PDF of hundreds of objects more than doubles the time.
  const document = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  rebaseLinks(document, links);
  document.setTitle(description.title, { showInWindowTitleBar: true });
  document.setAuthor(description.author);
  document.setSubject(description.subject);
  document.setCreator("hoshin");
  document.setProducer(producer);
  document.setLanguage(description.lang);
  const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
  if (description.date) {
    const date = policyDate(description.date);
    document.setCreationDate(date);
    document.setModificationDate(date);
  } else {
    info.delete(PDFName.of("CreationDate"));
    info.delete(PDFName.of("ModDate"));
  }
  // Object streams compress the tag structure too: about a fifth smaller, and every
  // PDF reader of the last twenty years reads them.
  return document.save({ useObjectStreams: true, objectsPerTick: Infinity });
}

function rebaseLinks(document: PDFDocument, { from, to }: LinkRebase): void {
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let index = 0; index < (annotations?.size() ?? 0); index++) {
      const action = annotations?.lookupMaybe(index, PDFDict)?.lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString);
      const target = uri?.decodeText();
      if (action && target?.startsWith(from)) {
        action.set(PDFName.of("URI"), PDFString.of(to + target.slice(from.length)));
      }
    }
  }
}

/** Midnight in Japan on the policy's date (the first of the month for a month-only date). */
function policyDate(iso: string): Date {
  const day = iso.length === 7 ? `${iso}-01` : iso;
  return new Date(`${day}T00:00:00+09:00`);
}
