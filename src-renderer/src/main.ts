import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { API_CLIENT, createClient } from './api/index.ts'
import App from './App.vue'
import NoToken from './components/common/NoToken.vue'
import { guardDrops } from './domain/drops.ts'
import './styles/base.css'

void (async () => {
  const { client, codeRefused } = await createClient()
  if (!client) {
    // nothing dropped on this page may open in its place either
    guardDrops(document, () => undefined)
    createApp(NoToken, { codeRefused }).mount('#app')
  } else {
    const app = createApp(App)
    app.provide(API_CLIENT, client)
    app.use(createPinia())
    app.mount('#app')
    window.addEventListener('beforeunload', () => client.close())
  }
})()
