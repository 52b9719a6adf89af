// The page's own words (headings, field names, buttons) in the languages the
// example offers. vipmp brings the error messages; a storefront brings these.
export const COPY = {
  en: { title: "Billing details", company: "Company name", firstName: "First name", lastName: "Last name",
    email: "Email", country: "Country", region: "State or region", city: "City", addressLine1: "Address",
    postalCode: "Postal code", choose: "Choose…", submit: "Continue to payment", ready: "All set: ready for payment." },
  de: { title: "Rechnungsdaten", company: "Firmenname", firstName: "Vorname", lastName: "Nachname",
    email: "E-Mail", country: "Land", region: "Bundesland/Region", city: "Ort", addressLine1: "Adresse",
    postalCode: "Postleitzahl", choose: "Bitte wählen…", submit: "Weiter zur Zahlung", ready: "Alles bereit für die Zahlung." },
  ja: { title: "請求先情報", company: "会社名", firstName: "名", lastName: "姓",
    email: "メールアドレス", country: "国", region: "都道府県・地域", city: "市区町村", addressLine1: "住所",
    postalCode: "郵便番号", choose: "選択してください", submit: "お支払いへ進む", ready: "お支払いの準備ができました。" },
};

/** "de-CH" → "de"; anything the example has no copy for → "en". */
export function pickLanguage(tag) {
  const language = String(tag ?? "").toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(COPY, language) ? language : "en";
}
