import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own port; the apps reach it through this proxy.
const proxy = { '/api': { target: 'http://127.0.0.1:3000' } };

export default defineConfig({
  base: '/box-office/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { port: 5175, proxy },
  preview: { port: 4175, proxy },
});
