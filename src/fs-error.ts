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
    case "EROFS":
      return "the file system is read-only";
    default:
      return code || (error instanceof Error ? error.message : String(error));
  }
}
