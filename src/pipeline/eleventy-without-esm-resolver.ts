/**
 * Imported before Eleventy by hoshin's own builds. Eleventy registers an ES module loader
 * hook so that watch mode re-imports a changed JavaScript config or data file; hoshin's
 * builds have neither (their pages and data come from the plugin). On Node 20 that hook
 * runs on a thread of its own, started in every thread that imports Eleventy, and every
 * later import waits on it. ELEVENTY_SKIP_ESM_RESOLVER is Eleventy's own switch for it
 * (11ty/eleventy#3371). Plain Eleventy with hoshin's plugin does not import this file.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
