/**
 * One part of a build's pages, rendered in a worker thread (see parallel-render.ts): the
 * same Eleventy run as on the main thread, over the organizations it is given.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { OrganizationModel } from "../normalize/model.js";
import { renderSite, type RenderOptions } from "./eleventy.js";

const { organizations, options } = workerData as { organizations: OrganizationModel[]; options: RenderOptions };
parentPort!.postMessage(await renderSite(organizations, options));
