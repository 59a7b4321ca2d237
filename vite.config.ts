// Builds the web app (src/web) into dist/web, which `resonance serve` hosts; in dev, proxies the API.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API_ORIGIN = 'http://localhost:8080';

// Vite only reads a default export, hence the exception to named exports.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Gzip size reporting costs seconds on every build and nobody reads it in CI.
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships `@__PURE__` comments Rollup cannot place; harmless, and it buries real warnings.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
      output: {
        // Vendor code changes far less often than ours: a separate chunk stays cached across releases.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router'],
          mantine: ['@mantine/core', '@mantine/hooks'],
          zod: ['zod'],
          // SurveyJS loads with the survey pages only, in a chunk of its own.
          'survey-core': ['survey-core'],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': API_ORIGIN,
      '/health': API_ORIGIN,
      '/t': API_ORIGIN,
    },
  },
});
