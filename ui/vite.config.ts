import { defineConfig } from "vitest/config";

// Relative asset paths: the same dist works under `storyline serve` and inside the Tauri window.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
