// The "Register as an Adobe reseller" step. The storefront text: a reseller
// registers by accepting Adobe's terms and pressing Register, and only synced
// resellers may order. The page asks the platform's side (config.platform,
// served by www/dev/serve.mjs in the demo), never the connector: the
// connector's secret stays on the server.

const BLOCKED_SECTIONS = ["customer-title", "basket-title", "order-title"];
const UNSYNCED_MESSAGE = "Adobe products can only be purchased by registered Adobe Resellers: "
  + "accept Adobe's terms and register above to continue the checkout.";

/** GET {platform}/reseller-status, or POST {platform}/register: resolves to the platform's JSON answer. */
async function askPlatform(config, path, body) {
  try {
    const init = body
      ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
      : {};
    const answer = await fetch(`${config.platform}/${path}`, init);
    return await answer.json();
  } catch (error) {
    return { Status: "Failed", Error: { Name: "Unavailable", Message: `The platform did not answer: ${error.message}` } };
  }
}

/** One line per refusal: its name, message and Adobe's field paths when there are any. */
export function refusalText(error) {
  if (!error) return "The registration was refused.";
  const fields = error.Fields?.length ? ` (${error.Fields.join(", ")})` : "";
  const violations = (error.Violations ?? []).map((v) => v.message ?? v.code).filter(Boolean);
  return [`${error.Name}: ${error.Message ?? ""}${fields}`.trim(), ...violations].join(" ");
}

export class Registration {
  /** `onChange(synced)` is called whenever the reseller's state is known or changes. */
  constructor(config, onChange) {
    this.config = config;
    this.onChange = onChange;
    this.section = document.getElementById("register");
    this.terms = document.getElementById("accept-terms");
    this.button = document.getElementById("register-reseller");
    this.status = document.getElementById("register-status");
    this.button.addEventListener("click", () => this.register());
    this.synced = !config.platform; // without a platform side there is no step to take
  }

  /** Reads the reseller's state from the platform; resolves to whether it may order. */
  async load() {
    if (!this.config.platform) return this.apply(true);
    const answer = await askPlatform(this.config, "reseller-status");
    if (answer.Status === "Synced") return this.apply(true, answer);
    if (answer.Status === "Failed") this.status.textContent = refusalText(answer.Error);
    return this.apply(false);
  }

  /** Sends the terms flag as it is: an unticked box is refused by the connector, by name. */
  async register() {
    this.button.disabled = true;
    this.status.textContent = "Registering with Adobe…";
    const answer = await askPlatform(this.config, "register", { termsAccepted: this.terms.checked });
    this.button.disabled = false;
    if (answer.Status === "Synced") {
      this.status.textContent = "";
      this.terms.removeAttribute("aria-invalid");
      this.apply(true, answer);
      return;
    }
    this.status.textContent = `Not registered. ${refusalText(answer.Error)}`;
    this.terms.setAttribute("aria-invalid", String(answer.Error?.Name === "TermsNotAccepted"));
    this.apply(false);
  }

  /** Shows the step while not synced and blocks the checkout's steps; the reverse once synced. */
  apply(synced, answer) {
    this.synced = synced;
    this.section.hidden = synced || !this.config.platform;
    for (const id of BLOCKED_SECTIONS) {
      const section = document.getElementById(id).closest("section");
      section.inert = !synced;
      section.classList.toggle("blocked", !synced);
    }
    const sync = document.getElementById("sync-status");
    if (!this.config.platform) sync.textContent = "";
    else if (synced) sync.textContent = `Registered Adobe reseller ${answer?.ExternalID ?? ""} (Adobe status ${answer?.AdobeStatus ?? "unknown"}).`;
    else sync.textContent = UNSYNCED_MESSAGE;
    this.onChange(synced);
    return synced;
  }
}
