/** hoshin's public API: the Eleventy plugin, and the pipeline for scripts. */
export { hoshin, type HoshinPluginOptions } from "./pipeline/plugin.js";
export { loadOrganizations, type LoadResult } from "./pipeline/load.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { formatDiagnostics } from "./diagnostics/format.js";
export type { OrganizationModel, PolicyPage } from "./model/policy.js";
