import { defineConfig } from 'vite'

// The page is built into the app's public/ folder, which the app serves (config/default.json
// `public`): page, REST and Socket.io share one origin. `npm run dev` proxies to a running app.
export default defineConfig({
  build: { outDir: '../public', emptyOutDir: true },
  server: {
    proxy: {
      '/socket.io': { target: 'http://localhost:3030', ws: true }
    }
  }
})
