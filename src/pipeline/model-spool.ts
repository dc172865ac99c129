/**
 * The render models of a build, between loading and rendering, on disk instead of in memory.
 * A model is tens of kilobytes in memory (ten thousand of them: a third of a gigabyte, and
 * a copy of each in the thread that renders it); what stays in memory is its listing, a few
 * hundred bytes, and where to read the model back, which the part of the render that writes
 * its pages does, a chunk at a time (see render-part.ts).
 *
 * A model loaded from the store of checked files is read back from that store's own entry;
 * one checked in this build is appended to a spool file of the thread that checked it, in a
 * folder of the build's own, removed when the build ends (see `withSpoolFolder`).
 */
import { closeSync, fstatSync, openSync, writeSync } from "node:fs";
import { mkdtemp, open, readFile, rm, type FileHandle } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deserialize } from "node:v8";
import { threadId } from "node:worker_threads";
import type { OrganizationListing } from "../model/listing.js";
import type { OrganizationModel } from "../model/policy.js";

/** Where a model's bytes are: a whole store entry, or a stretch of a spool file. */
export interface SpooledModel {
  file: string;
  offset?: number;
  length?: number;
}

/** An organization a build will render: listed in memory, its model on disk. */
export interface SpooledOrganization {
  listing: OrganizationListing;
  /** The model's digest: with the render options, what its pages are kept under (page-store.ts). */
  digest: string;
  archivedFiles: OrganizationModel["archivedFiles"];
  model: SpooledModel;
}

/** One thread's spool file: written as models are checked, read back by any thread. */
export class ModelSpool {
  readonly file: string;
  private descriptor: number | undefined;
  private size = 0;

  constructor(folder: string) {
    this.file = path.join(folder, `thread-${threadId}.v8`);
  }

  /** Appends one serialized stored load (see load-file.ts) and says where it is. */
  append(bytes: Uint8Array): SpooledModel {
    if (this.descriptor === undefined) {
      this.descriptor = openSync(this.file, "a");
      // The thread may have spooled into this folder before (another load of the same build).
      this.size = fstatSync(this.descriptor).size;
    }
    for (let written = 0; written < bytes.length; ) written += writeSync(this.descriptor, bytes, written);
    const place = { file: this.file, offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return place;
  }

  close(): void {
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
  }
}

/**
 * Runs `work` with a folder for the build's spool files, and removes it after, whatever
 * happened. It is in the system's temporary folder (TMPDIR): where that is memory (tmpfs),
 * the models still cost memory there, a serialized third of what they cost in the heap.
 */
export async function withSpoolFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "hoshin-models-"));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The models of `organizations`, read back in their order. */
export async function readModels(organizations: readonly SpooledOrganization[]): Promise<OrganizationModel[]> {
  const byFile = new Map<string, Promise<FileHandle>>();
  try {
    return await Promise.all(
      organizations.map(async ({ model: place, listing }) => {
        const model = deserialize(await readPlace(place, byFile)) as OrganizationModel;
        if (model?.slug !== listing.slug) throw new Error(`hoshin: the spooled model of ${listing.slug} (${place.file}) holds another organization`);
        return model;
      }),
    );
  } finally {
    await Promise.all([...byFile.values()].map(async (handle) => (await handle).close()));
  }
}

async function readPlace(place: SpooledModel, handles: Map<string, Promise<FileHandle>>): Promise<Buffer> {
  if (place.offset === undefined || place.length === undefined) return readFile(place.file);
  let handle = handles.get(place.file);
  if (!handle) handles.set(place.file, (handle = open(place.file, "r")));
  const bytes = Buffer.alloc(place.length);
  const { bytesRead } = await (await handle).read(bytes, 0, place.length, place.offset);
  if (bytesRead !== place.length) throw new Error(`hoshin: the spool file ${place.file} ends before the model at ${place.offset} (${bytesRead} of ${place.length} bytes)`);
  return bytes;
}
