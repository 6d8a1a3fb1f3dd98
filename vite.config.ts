import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import purgeCSSPlugin from '@fullhuman/postcss-purgecss';
import { compression } from 'vite-plugin-compression2';

/**
 * KERN's stylesheet is 350 kB, most of it for components Stadtnetz does not use, and a phone spends
 * longer matching it than running the app. The build keeps only the rules whose classes the app's
 * sources name; classes put together at run time are kept by their prefix.
 */
const purge = purgeCSSPlugin({
  content: ['web/index.html', 'web/**/*.{ts,tsx}'],
  safelist: {
    standard: [
      /^kern-(badge|alert)--(info|success|warning|danger)$/,
      /^kern-icon--(info|success|warning|danger|autorenew|arrow-up|arrow-down)$/,
      /^swatch--/,
      /^seg--/,
    ],
  },
  // Custom properties no kept rule reads go too: no page sets KERN's variables from its code.
  variables: true,
  keyframes: false,
  fontFace: false,
});

// The web app lives in web/ and is built into dist/web, which the API server hands out.
// `vite build --ssr entry-server.tsx` builds the prerender of the public pages into dist/web-ssr.
// Every text file is also written brotli- and gzip-compressed, so the server sends those as they are.
export default defineConfig(({ command, isSsrBuild }) => ({
  root: 'web',
  // JSON.parse reads the texts faster than a browser compiles them as one large object literal.
  json: { stringify: true },
  plugins: [react(), ...(isSsrBuild ? [] : [compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })])],
  // One stylesheet in the page's head: a prerendered page must not wait for its chunk's styles.
  css: command === 'build' && !isSsrBuild ? { postcss: { plugins: [purge] } } : {},
  // The prerender is one file with React's production build inside: the server loads it as it is,
  // and a rebuilt one is loaded again beside the old (src/server/prerender.ts).
  ...(isSsrBuild ? { ssr: { noExternal: true }, define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: isSsrBuild
    ? { outDir: '../dist/web-ssr', emptyOutDir: true, sourcemap: false, rollupOptions: { output: { codeSplitting: false } } }
    : { outDir: '../dist/web', emptyOutDir: true, sourcemap: false, cssCodeSplit: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
}));
