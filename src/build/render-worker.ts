/**
 * One part of a build's pages, rendered in a worker thread (see parallel-render.ts): the
 * same Eleventy run as on the main thread, over the organizations it is given. It may be
 * started before its part is known (see parts.ts), so the part comes as a message.
 */
import { parentPort } from "node:worker_threads";
import { renderPart, type RenderPart } from "./render-part.js";

parentPort!.once("message", async (part: RenderPart) => {
  parentPort!.postMessage(await renderPart(part));
});
