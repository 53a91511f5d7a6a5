// What the scripts that finish the build (tools/split.mjs, tools/loader.mjs) share: reading the
// tags of Trunk's index.html, subresource integrity, minifying a JavaScript module.
import { createHash } from "node:crypto";
import { minify } from "terser";

/** The `<link>` tags of an HTML text whose `rel` is this one, quoted or not. */
export const links = (html, rel) =>
  [...html.matchAll(new RegExp(`<link\\b[^>]*\\brel="?${rel}"?[^>]*>`, "g"))].map((m) => m[0]);

/** An attribute's value in an HTML tag, quoted or not (Trunk minifies the HTML). */
export const attr = (tag, name) =>
  tag.match(new RegExp(`\\b${name}=("([^"]*)"|([^\\s>]+))`))?.slice(2).find((v) => v !== undefined);

/** A subresource-integrity value (`sha384-…`) for these bytes. */
export const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** An ES module minified (names mangled, comments dropped); `undefined` if terser gives nothing. */
export const minifyModule = async (source) =>
  (await minify(source, { module: true, compress: true, mangle: true, format: { comments: false } })).code;
