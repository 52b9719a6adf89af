// The page: the shopper's language from ?lang= (or the browser's), then the
// wasm and that language's messages in parallel, then the form. The page
// checks what is typed and prices nothing: `vipmp/validate`, the entry point
// whose module leaves pricing and requests out, is all it loads.
import { createRoot } from "react-dom/client";
import init from "vipmp/validate";
import { Checkout } from "./Checkout.jsx";
import { pickLanguage } from "./copy.js";

const language = pickLanguage(new URLSearchParams(location.search).get("lang") ?? navigator.language);
document.documentElement.lang = language;
await init({ locale: language });
createRoot(document.querySelector("#root")).render(<Checkout language={language} />);
