// Files dragged onto the window: the browser's default is to open a dropped file in place of the
// app (a township's .html would replace the review screen). Every drag over the whole document is
// taken over here; what a drop means is decided by the screen's handler, never by navigation.

/** A dropped item: its name and, in the desktop app, its path on disk. */
export interface DroppedItem {
  name: string
  path: string | null
}

/** Minimal event target (the document, or a stand-in in tests). */
export interface DragTarget {
  addEventListener(type: string, listener: (e: Event) => void): void
  removeEventListener(type: string, listener: (e: Event) => void): void
}

interface DragLike extends Event {
  dataTransfer?: { dropEffect?: string; files?: ArrayLike<File> } | null
}

/**
 * Cancels the default of dragenter/dragover/drop on the target (so nothing is ever opened) and
 * hands the dropped items to onDrop. Returns the function that removes the guard.
 */
export function guardDrops(target: DragTarget, onDrop: (items: DroppedItem[]) => void, pathOf: ((f: File) => string) | null = null): () => void {
  const over = (e: Event): void => {
    e.preventDefault()
    const dt = (e as DragLike).dataTransfer
    if (dt) dt.dropEffect = 'copy'
  }
  const drop = (e: Event): void => {
    e.preventDefault()
    const files = Array.from((e as DragLike).dataTransfer?.files ?? [])
    const items = files.map((f) => {
      let path: string | null = null
      try {
        path = pathOf?.(f) || null
      } catch {
        path = null
      }
      return { name: f.name, path }
    })
    if (items.length) onDrop(items)
  }
  target.addEventListener('dragenter', over)
  target.addEventListener('dragover', over)
  target.addEventListener('drop', drop)
  return () => {
    target.removeEventListener('dragenter', over)
    target.removeEventListener('dragover', over)
    target.removeEventListener('drop', drop)
  }
}
