/**
 * How a checked file's result is kept in the store of checked data: its head (diagnostics,
 * findings, and for an organization its listing, digest and archived files) and its model,
 * serialized apart, one after the other in one file: the head's length in four bytes, the
 * head, the model. A build reads only the heads and leaves each model where it lies, for
 * the render part that needs it (see model-spool.ts): a build with nothing to render reads
 * 10,000 entries and turns none of their models into objects. `hoshin check` reads both.
 */
import { deserialize, serialize } from "node:v8";
import { DiskStore, type Codec } from "../cache/disk-store.js";
import { listingOf, type OrganizationListing } from "../model/listing.js";
import type { OrganizationModel } from "../model/policy.js";
import type { StoredLoad } from "./load-file.js";
import type { SpooledModel } from "./model-spool.js";

type Head = Omit<StoredLoad, "organization" | "spooled"> & {
  organization?: { listing: OrganizationListing; digest: string; archivedFiles: OrganizationModel["archivedFiles"] };
};

const LENGTH_BYTES = 4;

/**
 * A result as its store entry's bytes; for an organization, its model's own bytes too (for
 * a spool), and the result listed with its model wherever the caller puts those bytes.
 */
export function encodeEntry({ organization, digest, spooled: _spooled, ...rest }: StoredLoad): {
  bytes: Uint8Array;
  model?: Uint8Array;
  listedAt(place: SpooledModel): StoredLoad;
} {
  const head: Head = organization
    ? { ...rest, organization: { listing: listingOf(organization), digest: digest!, archivedFiles: organization.archivedFiles } }
    : rest;
  const headBytes = serialize(head);
  const model = organization ? serialize(organization) : undefined;
  const bytes = Buffer.alloc(LENGTH_BYTES + headBytes.length + (model?.length ?? 0));
  bytes.writeUInt32LE(headBytes.length, 0);
  headBytes.copy(bytes, LENGTH_BYTES);
  model?.copy(bytes, LENGTH_BYTES + headBytes.length);
  return { bytes, model, listedAt: (place) => listed(head, place) };
}

/** A result from its head, its model left where `place` says. */
function listed({ organization, ...rest }: Head, place: SpooledModel): StoredLoad {
  return organization ? { ...rest, spooled: { ...organization, model: place } } : rest;
}

function readHead(bytes: Buffer): { head: Head; modelAt: number } {
  const length = bytes.readUInt32LE(0);
  const modelAt = LENGTH_BYTES + length;
  if (modelAt > bytes.length) throw new Error("the entry ends inside its head");
  return { head: deserialize(bytes.subarray(LENGTH_BYTES, modelAt)) as Head, modelAt };
}

/** The result kept in an entry, its organization listed and its model left in `file` (see model-spool.ts). */
export function entryListed(bytes: Buffer, file: string): StoredLoad {
  const { head, modelAt } = readHead(bytes);
  if (head.organization && modelAt >= bytes.length) throw new Error("the entry has no model");
  return listed(head, { file, offset: modelAt, length: bytes.length - modelAt });
}

/** The whole result kept in an entry, its model read too. */
function entryWhole(bytes: Buffer): StoredLoad {
  const { head, modelAt } = readHead(bytes);
  const { organization, ...rest } = head;
  if (!organization) return rest;
  return { ...rest, digest: organization.digest, organization: deserialize(bytes.subarray(modelAt)) as OrganizationModel };
}

const STORED_LOAD: Codec<StoredLoad> = { encode: (loaded) => encodeEntry(loaded).bytes, decode: entryWhole };

/** The store of checked data in `dir`, whose entries are kept as above. */
export function storedLoads(dir: string): DiskStore<StoredLoad> {
  return new DiskStore(dir, STORED_LOAD);
}
