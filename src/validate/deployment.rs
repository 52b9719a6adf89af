//! Create and Update Deployment: a customer's address in another country,
//! for worldwide ("global sales") purchases.
//!
//! Source: FACTS.md §1.2 (`POST`/`PATCH /v3/customers/{customerId}/deployments`,
//! 2024-08-20: "deployments = addresses outside customer's country") and §4
//! (1141 "Deployment and customer country cannot be the same", Create
//! Deployment). The spec's texts do not print the body: its shape is
//! *assumed*, `{companyProfile: {address}}` with the Address resource of the
//! accounts (Resources table), which is what the sandbox stores. Because the
//! rest of the body is not published, only the address's keys are checked
//! (the Address resource is); other keys are left to Adobe. With the customer
//! in the context, an address in the customer's own country is refused, on an
//! update as on a create (a deployment is by definition abroad; the code is
//! documented for Create Deployment).

use super::Context;
use super::json::Object;
use super::profile::check_address;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

/// `POST /v3/customers/{id}/deployments` (`required`) and `PATCH
/// .../deployments/{deploymentId}` (the profile optional).
pub(super) fn check(body: &Json<'_>, required: bool, context: &Context, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    let profile = if required {
        object.required_object("companyProfile", report)
    } else {
        object.optional_object("companyProfile", report)
    };
    let Some(address) = profile
        .as_ref()
        .and_then(|p| p.required_object("address", report))
    else {
        return;
    };
    check_address(&address, report);
    let home = context
        .customer
        .as_ref()
        .map(|customer| customer.company_profile.address.country.as_str());
    let country = address.get("country").and_then(Json::as_str);
    if let (Some(home), Some(country)) = (home, country)
        && home == country
    {
        let finding = Finding::new(Code::DeploymentSameCountry).with("value", country);
        report.add(&address.at("country"), finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid, with, without};
    use crate::validate::Context;
    use crate::validate::Operation::{CreateDeployment, UpdateDeployment};
    use serde_json::{Value, json};

    fn body() -> Value {
        json!({ "companyProfile": { "address": { "country": "CA", "region": "ON", "city": "Ottawa",
            "addressLine1": "1 Bank St", "postalCode": "K1A 0B1", "phoneNumber": "6135550100" } } })
    }

    fn of_customer_in(country: &str) -> Context {
        context(json!({ "customer": { "companyProfile": { "address": { "country": country } } } }))
    }

    #[test]
    fn an_address_abroad_files_nothing() {
        valid(CreateDeployment, &body(), &Context::default());
        valid(CreateDeployment, &body(), &of_customer_in("US"));
        valid(UpdateDeployment, &body(), &of_customer_in("US"));
        valid(UpdateDeployment, &json!({}), &Context::default());
    }

    #[test]
    fn the_customers_own_country_is_refused() {
        let found = [("companyProfile.address.country", "deployment.same_country")];
        expect(CreateDeployment, &body(), &of_customer_in("CA"), &found);
        expect(UpdateDeployment, &body(), &of_customer_in("CA"), &found);
    }

    #[test]
    fn the_address_follows_the_accounts_rules() {
        let found = [("companyProfile", "field.required")];
        expect(CreateDeployment, &json!({}), &Context::default(), &found);
        let found = [("companyProfile.address", "field.required")];
        expect(
            UpdateDeployment,
            &json!({ "companyProfile": {} }),
            &Context::default(),
            &found,
        );
        let bad = with(
            body(),
            "/companyProfile/address/postalCode",
            json!("K1A0B1X"),
        );
        let found = [(
            "companyProfile.address.postalCode",
            "postal_code.invalid_format",
        )];
        expect(CreateDeployment, &bad, &Context::default(), &found);
        let found = [("companyProfile.address.city", "field.required")];
        expect(
            CreateDeployment,
            &without(body(), "/companyProfile/address/city"),
            &Context::default(),
            &found,
        );
        let found = [("companyProfile.address.state", "field.unknown")];
        let extra = with(body(), "/companyProfile/address/state", json!("ON"));
        expect(CreateDeployment, &extra, &Context::default(), &found);
    }
}
