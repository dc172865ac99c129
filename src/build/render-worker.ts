/**
 * One part of a build's pages, rendered in a worker thread (see parallel-render.ts): the
 * same Eleventy run as on the main thread, over the organizations it is given. It may be
 * started before its part is known (see parts.ts), so the part comes as a message.
 */
import { parentPort } from "node:worker_threads";
import type { OrganizationModel } from "../normalize/model.js";
import { renderSite, type RenderOptions } from "./eleventy.js";

parentPort!.once("message", async ({ organizations, options }: { organizations: OrganizationModel[]; options: RenderOptions }) => {
  parentPort!.postMessage(await renderSite(organizations, options));
});
