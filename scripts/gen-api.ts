// `npm run gen:api`: rewrites the web app's API types from the routes' schemas (no database needed).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { API_TYPES_FILE, generateApiTypes } from "../src/api/apiTypes";

const out = path.resolve(import.meta.dirname, "..", API_TYPES_FILE);
writeFileSync(out, await generateApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
