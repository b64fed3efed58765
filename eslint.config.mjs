import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Code rules only. Which layer may import which (and no cycles) is checked by dependency-cruiser
// (.dependency-cruiser.cjs), and formatting by Prettier: `npm run lint` runs all three.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "db/migrations/**",
    ],
  },
];

export default config;
