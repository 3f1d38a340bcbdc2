// The build writes into the Python package (api/static/app), which the FastAPI app serves at / and /assets.
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

const outDir = fileURLToPath(new URL("../api/static/app", import.meta.url));

// The API reference page (/docs) uses Swagger UI from npm too, copied beside the bundle: no CDN anywhere.
function swaggerAssets() {
  return {
    name: "xuncha-swagger-assets",
    closeBundle() {
      const target = `${outDir}/assets/swagger`;
      mkdirSync(target, { recursive: true });
      const dist = fileURLToPath(new URL("./node_modules/swagger-ui-dist/", import.meta.url));
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) copyFileSync(dist + file, `${target}/${file}`);
      copyFileSync(fileURLToPath(new URL("./swagger-init.js", import.meta.url)), `${target}/swagger-init.js`);
    },
  };
}

export default defineConfig({
  plugins: [vue(), swaggerAssets()],
  base: "/",
  build: {
    outDir,
    emptyOutDir: true,
    assetsInlineLimit: 0, // every asset a file of its own: nothing for the content policy to refuse
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { "^/(auth|entities|search|paths|repeats|common|linked|relatives|leaders|people|loads|templates|admin|audit|users|stats|reviews|dashboard|alerts)": "http://127.0.0.1:8000" } },
});
