declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare module '*?url' {
  const src: string
  export default src
}

interface Window {
  /** Present only inside the desktop app (exposed by the preload script). */
  xxgk?: import('../../src-main/shared/api.ts').DesktopBridge
}
