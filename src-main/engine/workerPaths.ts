// Where the bundled desktop build put the compiled worker files. Kept apart from the pools that start
// the workers so that checks/ can find its worker beside the reader's without importing ingest/.
let readWorker: string | URL | null = null

/** The bundled desktop build points this at its compiled reader worker file. */
export function setReadWorkerPath(p: string | URL): void {
  readWorker = p
}

/** The reader worker path set by the bundled build, if any (the check worker is built beside it). */
export function readWorkerPath(): string | URL | null {
  return readWorker
}
