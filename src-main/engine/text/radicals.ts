// PDF fonts often map common characters to radical code points (民 as U+2EA0 ⺠, 门 as U+2ED4 ⻔):
// they look the same but match nothing. Kangxi radicals have NFKC mappings; the supplement block
// does not, so its simplified-form radicals are mapped here (one character for one: offsets hold).
const SUPPLEMENT: Record<number, number> = {
  0x2ea0: 0x6c11, 0x2ec4: 0x897f, 0x2ec5: 0x89c1, 0x2ec6: 0x89d2, 0x2ec8: 0x8ba0, 0x2ec9: 0x8d1d, 0x2ecb: 0x8f66,
  0x2ed3: 0x957f, 0x2ed4: 0x95e8, 0x2ed8: 0x9752, 0x2eda: 0x9875, 0x2edb: 0x98ce, 0x2edc: 0x98de, 0x2edd: 0x98df,
  0x2ee0: 0x9963, 0x2ee2: 0x9a6c, 0x2ee3: 0x9aa8, 0x2ee4: 0x9b3c, 0x2ee5: 0x9c7c, 0x2ee6: 0x9e1f, 0x2ee7: 0x5364,
  0x2ee8: 0x9ea6, 0x2ee9: 0x9ec4, 0x2eea: 0x9efe, 0x2eec: 0x9f50, 0x2eee: 0x9f7f, 0x2ef0: 0x9f99, 0x2ef3: 0x9f9f
}

/** Replace radical code points by the ideographs they stand for. */
export function unifyRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fd5]/g, (c) => {
    const code = c.charCodeAt(0)
    if (code >= 0x2f00) {
      const n = c.normalize('NFKC')
      return n.length === 1 ? n : c
    }
    const m = SUPPLEMENT[code]
    return m ? String.fromCharCode(m) : c
  })
}
