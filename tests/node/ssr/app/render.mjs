// The server half of a server-rendered page: at build time (or per request),
// Node imports `vipmp` (its Node door: no init) and renders the address form
// with the country list, Canada's named regions, and the verdict on the value
// it pre-fills, into index.html. The browser half (client.js) takes over with
// init() from the same package.
import { writeFileSync } from "node:fs";
import { countries, regions, fieldSchema } from "vipmp";

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const option = (value, label, selected) =>
  `<option value="${escape(value)}"${selected ? " selected" : ""}>${escape(label)}</option>`;

const prefilled = "K1A0B";
const verdict = fieldSchema("postalCode", { country: "CA" })["~standard"].validate(prefilled);
const countryOptions = countries().filter((c) => c.supported).map((c) => option(c.code, c.name, c.code === "CA"));
const regionOptions = regions("CA").filter((r) => r.name).map((r) => option(r.code, r.name, r.code === "ON"));

writeFileSync(new URL("./index.html", import.meta.url), `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>vipmp, server-rendered</title></head>
  <body>
    <select id="country">${countryOptions.join("")}</select>
    <select id="region">${regionOptions.join("")}</select>
    <label>Postal code <input id="postal" value="${escape(prefilled)}" /></label>
    <p id="verdict" data-rendered-by="server">${escape(verdict.issues ? verdict.issues[0].message : "valid")}</p>
    <script type="module" src="./client.js"></script>
  </body>
</html>
`);
