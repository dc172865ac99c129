/**
 * Checks of `requests` the schema cannot express: a fee is one the law allows (Art. 38(1):
 * for notification of the purposes of use and for disclosure only), and the way an electronic
 * record is given belongs to a policy that offers disclosure (Art. 33(1)). Both are warnings:
 * the page is still right, but says something the reader cannot use.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDataPath, type DataPath, type SourceFile } from "../parse/parse.js";

const FEE_KINDS = ["purpose-notification", "disclosure", "third-party-records"];
const DISCLOSURE_KINDS = ["disclosure", "third-party-records"];

export function requestDiagnostics(source: SourceFile): Diagnostic[] {
  const data = source.data as { requests?: { kinds?: unknown; fee?: unknown; electronicDisclosure?: unknown } } | null;
  const requests = data?.requests;
  if (typeof requests !== "object" || requests === null || !Array.isArray(requests.kinds)) return [];
  const kinds = requests.kinds as unknown[];
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, path: DataPath, message: string, hint: string) => {
    const { line, column } = source.locate(path, "key");
    diagnostics.push({ code, severity: "warning", file: source.file, line, column, path: formatDataPath(path), message, hint });
  };
  if (requests.fee !== undefined && !FEE_KINDS.some((kind) => kinds.includes(kind))) {
    warn(
      "request-fee-without-kind",
      ["requests", "fee"],
      "a fee is stated, but `requests.kinds` offers neither notification of the purposes of use nor disclosure, the only requests the law lets a fee be charged for (APPI Art. 38(1))",
      "add `purpose-notification` or `disclosure` to `requests.kinds`, or remove `fee`",
    );
  }
  if (requests.electronicDisclosure !== undefined && !DISCLOSURE_KINDS.some((kind) => kinds.includes(kind))) {
    warn(
      "electronic-disclosure-without-disclosure",
      ["requests", "electronicDisclosure"],
      "`electronicDisclosure` says how an electronic record is given, but `requests.kinds` offers no disclosure, so the page does not show it (APPI Art. 33(1))",
      "add `disclosure` to `requests.kinds`, or remove `electronicDisclosure`",
    );
  }
  return diagnostics;
}
