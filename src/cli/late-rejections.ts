/**
 * Eleventy 3.1.7's `TemplateWriter.write` starts the passthrough copy, then awaits the
 * templates before it attaches a handler to the copy: a copy that fails first (a full disk)
 * is an unhandled rejection, and Node.js ends the process with a stack trace before hoshin
 * can remove its staging folder and say what happened. While a build runs (and only then:
 * a long `dev` session must not hide a real one), such a rejection is held here; it is
 * handled later, by that same `Promise.all`, and the error reaches hoshin as any other.
 * One that is still unhandled when the build ends is its error.
 */
export async function holdingLateRejections<T>(work: () => Promise<T>): Promise<T> {
  const unhandled = new Map<Promise<unknown>, unknown>();
  const hold = (reason: unknown, promise: Promise<unknown>) => unhandled.set(promise, reason);
  const handled = (promise: Promise<unknown>) => unhandled.delete(promise);
  process.on("unhandledRejection", hold);
  process.on("rejectionHandled", handled);
  try {
    const result = await work();
    // A rejection handled late is reported in the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const [first] = unhandled.values();
    if (unhandled.size > 0) throw first;
    return result;
  } finally {
    process.off("unhandledRejection", hold);
    process.off("rejectionHandled", handled);
  }
}
