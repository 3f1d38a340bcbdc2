// The build writes into the Python package (api/static/app), which the FastAPI app serves at / and /assets.
import { fileURLToPath } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [vue()],
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../api/static/app", import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0, // every asset a file of its own: nothing for the content policy to refuse
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { "^/(auth|entities|search|paths|repeats|common|linked|relatives|leaders|people|loads|templates|admin|audit|users|stats|reviews|dashboard|alerts)": "http://127.0.0.1:8000" } },
});
