/** A file that cannot be read. The message is shown to the reviewer, so it is in Chinese and names the reason. */
export class ReadError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'ReadError'
    this.code = code
  }
}
