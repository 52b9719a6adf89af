// A checkout form with react-hook-form, validated by vipmp through Standard
// Schema: formSchema() checks each field by the rule Adobe applies to it (the
// postal code and region against the country picked in the same form), with
// messages in the shopper's language. No adapter, no rules written here.
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { countries, formSchema, regions } from "vipmp/validate";
import { COPY } from "./copy.js";

/** Form field → vipmp field name (the same names as the Partner API's). */
const FIELDS = {
  companyName: "companyName",
  firstName: "firstName",
  lastName: "lastName",
  email: "email",
  country: "country",
  region: "region",
  city: "city",
  addressLine1: "addressLine1",
  postalCode: "postalCode",
};

export function Checkout({ language }) {
  const copy = COPY[language];
  const schema = useMemo(() => formSchema({ fields: FIELDS, locale: language }), [language]);
  const countryList = useMemo(
    () => countries({ locale: language }).filter((c) => c.supported)
      .sort((a, b) => a.name.localeCompare(b.name, language)),
    [language],
  );
  const { register, handleSubmit, watch, formState: { errors } } = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: Object.fromEntries(Object.keys(FIELDS).map((key) => [key, ""])),
  });
  const [done, setDone] = useState(false);
  const country = watch("country");
  const regionList = country ? regions(country) : [];

  const field = (name, label, input) => (
    <label className={errors[name] ? "field invalid" : "field"}>
      <span>{label}</span>
      {input ?? <input {...register(name)} autoComplete="on" />}
      {errors[name] && <em role="alert" data-field={name}>{errors[name].message}</em>}
    </label>
  );

  return (
    <form onSubmit={handleSubmit(() => setDone(true))} noValidate>
      <h1>{copy.title}</h1>
      {field("companyName", copy.company)}
      <div className="row">
        {field("firstName", copy.firstName)}
        {field("lastName", copy.lastName)}
      </div>
      {field("email", copy.email, <input type="email" {...register("email")} />)}
      {field("country", copy.country, (
        <select {...register("country")}>
          <option value="">{copy.choose}</option>
          {countryList.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
      ))}
      {regionList.length > 0 && field("region", copy.region, (
        <select {...register("region")}>
          <option value="">{copy.choose}</option>
          {regionList.map((r) => <option key={r.code} value={r.code}>{r.name ?? r.code}</option>)}
        </select>
      ))}
      {field("city", copy.city)}
      {field("addressLine1", copy.addressLine1)}
      {field("postalCode", copy.postalCode)}
      <button type="submit">{copy.submit}</button>
      {done && <p className="done" role="status">{copy.ready}</p>}
    </form>
  );
}
