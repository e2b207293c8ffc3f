// One labelled sentence of the corpus: the rule must fire on it (a FAIL finding whose evidence lies in
// the sentence) or must not; `said` is what the statement extractor must read from it (topic, number).
export interface SentenceCase {
  s: string
  fire: boolean
  said?: [string, number][]
  /** Table cells for this case ('T3.new_received.total' → value); the rest as in the base report. */
  cells?: Record<string, number>
  /** Year of the report the sentence comes from: the base report (2023) is moved to it. */
  year?: number
  /** Body the report is of (replaces the base report's 云阳县平安镇人民政府): a government's own counts. */
  body?: string
  /** Where it comes from or what trap it is. */
  why?: string
}
