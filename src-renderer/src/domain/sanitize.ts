// A second, defensive pass over the engine's already-sanitized display HTML: whatever slipped
// through, nothing in it may run, load remote content or navigate.
const DROP = 'script,iframe,frame,frameset,object,embed,link,meta,style,base,form,input,button,textarea,select,svg,math,template,noscript'

export function defang(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  for (const el of [...doc.body.querySelectorAll(DROP)]) el.remove()
  for (const el of [...doc.body.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) {
      const n = a.name.toLowerCase()
      if (n.startsWith('on') || n === 'srcset' || n === 'formaction' || n === 'xlink:href') el.removeAttribute(a.name)
      else if ((n === 'href' || n === 'src' || n === 'action' || n === 'background' || n === 'poster') && !/^(data:image\/|#)/i.test(a.value.trim())) el.removeAttribute(a.name)
      else if (n === 'style' && /url\s*\(|expression\s*\(/i.test(a.value)) el.removeAttribute(a.name)
    }
  }
  return doc.body.innerHTML
}
