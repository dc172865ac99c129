/** A file-system error in words a user can act on, for messages about their own files. */
export function describeFsError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "the links form a loop";
    case "ENOENT":
      return "it no longer exists";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "part of the path is a file, not a folder";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EROFS":
      return "the file system is read-only";
    case "EMFILE":
    case "ENFILE":
      return "too many files are open";
    default:
      return code || (error instanceof Error ? error.message : String(error));
  }
}

/** What a user can do about an operating-system failure, by its code. */
export function fsAdvice(code: string): string {
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return "free some space on that disk (or choose another folder with --out), then build again";
    case "EROFS":
      return "build into a folder on a writable disk with --out";
    case "EACCES":
    case "EPERM":
      return "give your user write permission on it (or choose another folder with --out; for the cache, HOSHIN_CACHE_DIR)";
    case "EMFILE":
    case "ENFILE":
      return "raise the limit of open files (`ulimit -n 4096`) and build again";
    case "ENOTDIR":
    case "EEXIST":
      return "remove or rename the file that stands where a folder must be, or choose another folder with --out";
    default:
      return "fix the cause above and build again";
  }
}

/** Codes an operating system gives for failures outside hoshin that a user can fix. */
const OS_CODES = new Set(["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EMFILE", "ENFILE", "ENOTDIR", "EEXIST", "EISDIR", "EIO"]);

/**
 * The operating-system failure behind an error, however deep: Node's own errors carry `code`
 * and `syscall`; Eleventy wraps them in `originalError`, others in `cause` or `errors`.
 */
export function findOsError(error: unknown, depth = 0): NodeJS.ErrnoException | undefined {
  if (typeof error !== "object" || error === null || depth > 10) return undefined;
  const candidate = error as NodeJS.ErrnoException & { originalError?: unknown; errors?: unknown[] };
  if (typeof candidate.code === "string" && OS_CODES.has(candidate.code) && typeof candidate.syscall === "string") return candidate;
  for (const inner of [candidate.originalError, candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])]) {
    const found = findOsError(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}
