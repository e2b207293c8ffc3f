// ReadError belongs to the readers (readers/errors.ts), the layer OCR builds on too; the pipeline and the
// tests import it from here as before.
export { ReadError } from './readers/errors.ts'
