/** What every measurement of `npm run bench` shares: where things are and what was asked for. */
export interface BenchContext {
  /** The hoshin checkout: its node_modules and templates are the ones measured. */
  repo: string;
  /** bin/hoshin.js, run as a command like a user runs it. */
  cli: string;
  /** Scratch folder, removed at the end. */
  work: string;
  /** Folder of `count` synthetic organization files. */
  organizations: string;
  count: number;
  runs: number;
}
