import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The build goes into the jar that the gateway serves at / (classpath:/static).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "target/classes/static",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // `npm run dev`: the API and login are the gateway's (run the local stack).
    proxy: {
      "/api": "http://localhost:8080",
      "/oauth2": "http://localhost:8080",
      "/login": "http://localhost:8080",
      "/logout": "http://localhost:8080",
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
  },
});
