// markdown-it's own rule for link reference definitions, which @types/markdown-it does not
// declare; src/validate/markdown-scan.ts wraps it to learn where each definition is.
declare module "markdown-it/lib/rules_block/reference.mjs" {
  import type { RuleBlock } from "markdown-it/lib/parser_block.mjs";
  const reference: RuleBlock;
  export default reference;
}
