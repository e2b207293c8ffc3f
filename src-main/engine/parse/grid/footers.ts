// Page furniture that a PDF or a text extraction leaves between table rows: '- 3 -', '—4—', '第 3 页', '第3页 共8页'.
// Bounded pattern: no nested quantifiers, linear.
const FOOTER = /^(?:[-—–－]\s?\d{1,3}\s?[-—–－]|第\s?\d{1,3}\s?页(?:\s?[，,]?\s?共\s?\d{1,3}\s?页)?|\d{1,3}\s?\/\s?\d{1,3})$/

export function isPageFurniture(text: string): boolean {
  const t = text.trim()
  return t.length <= 16 && FOOTER.test(t)
}
