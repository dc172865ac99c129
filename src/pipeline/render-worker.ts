/**
 * One part of a build's pages, rendered in a worker thread (see parallel-render.ts): the
 * same Eleventy run as on the main thread, over the organizations it is given. It may be
 * started before its part is known (see parts.ts), so the part comes as a message.
 */
import { parentPort } from "node:worker_threads";
import { findOsError } from "../diagnostics/fs-error.js";
import { renderPart, type RenderPart } from "./render-part.js";

parentPort!.once("message", async (part: RenderPart) => {
  try {
    parentPort!.postMessage(await renderPart(part));
  } catch (error) {
    // An error crosses to the main thread without what Eleventy wrapped in it: a failure of
    // the machine (a full disk) goes across as itself, so the build can say what it was.
    const os = findOsError(error);
    if (!os) throw error;
    throw Object.assign(new Error(os.message), { code: os.code, syscall: os.syscall, path: os.path, errno: os.errno });
  }
});
