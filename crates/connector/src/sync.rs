//! One Account Synchronize call, from the platform's record to Adobe's account.
//!
//! 1. **Who**: the core classifies the record (`classify_account`,
//!    reseller-provisioning.txt Step #2) and [`target`] decides what Adobe
//!    account it is and under whom: a reseller under the distributor (only
//!    with Reseller Support on, only after the terms were accepted); an end
//!    customer under `ResellerExternalID` (Reseller Support on) or the `MPNID`
//!    sync option (off); a direct customer under the distributor's own
//!    reseller.
//! 2. **Checks**: the core's pre-sync checks (`NoCitySpecified`, …) refuse a
//!    record Adobe would refuse for the storefront's known reasons.
//! 3. **Once**: the store's claim ([`crate::store::SyncStore::claim`]) makes
//!    the record's first sync the only one that creates; a repeat finds the
//!    mapping and updates what changed (a pending account's update is sent
//!    and refused by Adobe with 1125, as Adobe refuses it).
//! 4. **5xx**: a create answered with a 5xx (or no answer) is reconciled by
//!    the platform ID in `externalReferenceId` before anything is retried.

use crate::Connector;
use crate::adobe;
use crate::platform::{AccountRecord, Synced};
use crate::refusal::{Name, Refusal};
use crate::store::{Claim, Kind, Mapping};
use serde_json::{Value, json};
use tokio::time::Instant;
use vipmp::provisioning::{AccountClass, classify_account, pre_sync_checks, sync_errors};
use vipmp::resource::CompanyProfile;
use vipmp_proxy::error::ProxyError;
use vipmp_proxy::ids::random_hex;
use vipmp_proxy::upstream::Answer;

/// What Adobe account a record is, and under whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Reseller or customer.
    pub kind: Kind,
    /// The distributor (a reseller's) or the Adobe reseller (a customer's).
    pub parent: String,
}

/// Synchronizes one record.
///
/// # Errors
/// A [`Refusal`] with the storefront's name and Adobe's field paths.
pub async fn synchronize(connector: &Connector, record: &AccountRecord) -> Result<Synced, Refusal> {
    let target = target(connector, record).await?;
    check_record(record)?;
    let deadline = Instant::now() + connector.config.claim_wait;
    // The lease holder is this call, not this instance: two calls of one
    // record on one instance must not both hold it.
    let owner = format!("{}/{}", connector.config.instance, random_hex());
    loop {
        let fresh = format!("vipmp-sync-{}", random_hex());
        let claim = connector
            .store
            .claim(
                &record.id,
                target.kind,
                &owner,
                connector.config.claim_lease,
                &fresh,
            )
            .await
            .map_err(|_| Refusal::new(Name::Unavailable))?;
        match claim {
            Claim::Mapped(mapping) => return update(connector, record, &target, &mapping).await,
            Claim::Won { correlation_id } => {
                return create(
                    connector,
                    record,
                    &target,
                    &Lease {
                        owner: &owner,
                        correlation_id: &correlation_id,
                    },
                )
                .await;
            }
            Claim::Busy if Instant::now() >= deadline => {
                return Err(Refusal::new(Name::SyncInProgress));
            }
            Claim::Busy => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
        }
    }
}

/// Step 1: the Adobe account the record is.
///
/// # Errors
/// `InvalidAccountRecord` (fits no case), `AccountIsNotDefinedAsReseller`
/// (a reseller without Reseller Support, or a parent that is not a
/// reseller), `TermsNotAccepted`, `CustomerNotBelongToReseller` (no or a
/// different reseller than the one synced for `ResellerID`).
pub async fn target(connector: &Connector, record: &AccountRecord) -> Result<Target, Refusal> {
    let classification = classify_account(&record.identity());
    let Some(class) = classification.class else {
        return Err(Refusal {
            violations: classification.violations,
            ..Refusal::new(Name::InvalidAccountRecord)
        });
    };
    let config = &connector.config;
    match class {
        AccountClass::Reseller if !config.reseller_support => {
            Err(Refusal::new(Name::AccountIsNotDefinedAsReseller))
        }
        AccountClass::Reseller if !record.terms_accepted => {
            Err(Refusal::new(Name::TermsNotAccepted))
        }
        AccountClass::Reseller => Ok(Target {
            kind: Kind::Reseller,
            parent: config.distributor_id.clone(),
        }),
        AccountClass::EndCustomer => end_customer_parent(connector, record).await,
        AccountClass::DirectCustomer => match &config.own_reseller_id {
            Some(own) => Ok(Target {
                kind: Kind::Customer,
                parent: own.clone(),
            }),
            None => Err(Refusal::new(Name::CustomerNotBelongToReseller)),
        },
    }
}

/// An end customer's Adobe reseller: `ResellerExternalID` with Reseller
/// Support, the `MPNID` option without; with Reseller Support, a reseller this
/// connector synced must be the one named.
async fn end_customer_parent(
    connector: &Connector,
    record: &AccountRecord,
) -> Result<Target, Refusal> {
    let named = if connector.config.reseller_support {
        Some(record.reseller_external_id.trim().to_owned()).filter(|id| !id.is_empty())
    } else {
        record.mpn_id()
    };
    let named = named.ok_or_else(|| Refusal::new(Name::CustomerNotBelongToReseller))?;
    if connector.config.reseller_support {
        let synced = connector
            .store
            .mapping(&record.reseller_id)
            .await
            .map_err(|_| Refusal::new(Name::Unavailable))?;
        match synced {
            Some(reseller) if reseller.kind != Kind::Reseller => {
                return Err(Refusal::new(Name::AccountIsNotDefinedAsReseller));
            }
            Some(reseller) if reseller.adobe_id != named => {
                return Err(Refusal::new(Name::CustomerNotBelongToReseller));
            }
            _ => {}
        }
    }
    Ok(Target {
        kind: Kind::Customer,
        parent: named,
    })
}

/// Step 2: the core's pre-sync checks.
fn check_record(record: &AccountRecord) -> Result<(), Refusal> {
    let account = record.sync_account();
    let Some(first) = sync_errors(&account).first().copied() else {
        return Ok(());
    };
    Err(Refusal {
        violations: pre_sync_checks(&account).violations,
        ..Refusal::new(Name::Core(first.name(), first.message()))
    })
}

/// The create body: `externalReferenceId` is the platform's ID.
fn create_body(record: &AccountRecord, target: &Target) -> Value {
    let profile = record.company_profile(target.kind == Kind::Reseller);
    let parent_key = match target.kind {
        Kind::Reseller => "distributorId",
        Kind::Customer => "resellerId",
    };
    json!({
        parent_key: target.parent,
        "externalReferenceId": record.id,
        "companyProfile": profile,
    })
}

/// Step 3, first sync: creates the account under the won claim.
/// The claim a create runs under.
struct Lease<'a> {
    owner: &'a str,
    correlation_id: &'a str,
}

async fn create(
    connector: &Connector,
    record: &AccountRecord,
    target: &Target,
    lease: &Lease<'_>,
) -> Result<Synced, Refusal> {
    let body = create_body(record, target);
    let path = adobe::create_path(target.kind).to_owned();
    let sent = adobe::call(
        &connector.link,
        reqwest::Method::POST,
        path,
        Some(&body),
        Some(lease.correlation_id),
    )
    .await;
    let created = match sent {
        Ok(answer) if answer.status == 201 || answer.status == 200 => {
            serde_json::from_slice::<Value>(&answer.body).ok()
        }
        Ok(answer) if answer.status < 500 && answer.status != 429 => {
            release(connector, record, lease.owner).await;
            return Err(create_refused(target.kind, &answer));
        }
        Ok(_) | Err(ProxyError::GatewayTimeout | ProxyError::BadGateway) => {
            reconcile(connector, record, target).await
        }
        Err(_) => None,
    };
    let Some(account) = created.filter(|a| adobe::id_of(target.kind, a).is_some()) else {
        release(connector, record, lease.owner).await;
        return Err(Refusal::new(Name::Unavailable));
    };
    let mapping = Mapping {
        platform_id: record.id.clone(),
        kind: target.kind,
        adobe_id: adobe::id_of(target.kind, &account).unwrap_or_default(),
        parent_id: match target.kind {
            Kind::Reseller => String::new(),
            Kind::Customer => target.parent.clone(),
        },
        status: adobe::status_of(&account),
    };
    connector
        .store
        .complete(&mapping)
        .await
        .map_err(|_| Refusal::new(Name::Unavailable))?;
    tracing::info!(
        platform_id = record.id,
        adobe_id = mapping.adobe_id,
        kind = target.kind.as_str(),
        "account created"
    );
    Ok(synced(&mapping, "Created"))
}

/// Step 4: the account a 5xx may have created, found by its reference.
async fn reconcile(
    connector: &Connector,
    record: &AccountRecord,
    target: &Target,
) -> Option<Value> {
    tracing::warn!(
        platform_id = record.id,
        "create answered 5xx or nothing; reconciling"
    );
    adobe::find_by_reference(
        &connector.link,
        target.kind,
        &target.parent,
        &record.id,
        connector.config.reconcile_window,
    )
    .await
}

/// Ends this call's claim, giving the next attempt a new correlation ID
/// (Adobe answered this one, or proved it created nothing, and would replay
/// the answer to the same ID).
async fn release(connector: &Connector, record: &AccountRecord, owner: &str) {
    let next = format!("vipmp-sync-{}", random_hex());
    let released = connector
        .store
        .release(&record.id, owner, Some(&next))
        .await;
    if let Err(error) = released {
        tracing::error!(%error, "claim not released; it expires with its lease");
    }
}

/// The refusal of a create Adobe answered with a 4xx.
fn create_refused(kind: Kind, answer: &Answer) -> Refusal {
    let error = vipmp::response::parse_error(answer.status, &String::from_utf8_lossy(&answer.body));
    let name = match (error.code.as_str(), kind) {
        ("1114", _) => Name::DistributorIdNotValid,
        ("1115" | "1126", Kind::Customer) => Name::ResellerIsNotActive,
        (_, Kind::Reseller) => Name::RequestCreateResellerRejected,
        (_, Kind::Customer) => Name::RequestCreateCustomerRejected,
    };
    Refusal::adobe(name, error)
}

/// The answer for a mapping.
fn synced(mapping: &Mapping, action: &str) -> Synced {
    Synced {
        status: "Synced".into(),
        external_id: mapping.adobe_id.clone(),
        kind: match mapping.kind {
            Kind::Reseller => "Reseller".into(),
            Kind::Customer => "Customer".into(),
        },
        adobe_status: mapping.status.clone(),
        action: action.into(),
    }
}

/// Step 3, a repeat sync: reads the account, and sends the profile when it
/// changed. Never creates.
async fn update(
    connector: &Connector,
    record: &AccountRecord,
    target: &Target,
    mapping: &Mapping,
) -> Result<Synced, Refusal> {
    if mapping.kind != target.kind {
        return Err(Refusal::new(match target.kind {
            Kind::Reseller => Name::AccountIsNotDefinedAsReseller,
            Kind::Customer => Name::CustomerNotBelongToReseller,
        }));
    }
    if target.kind == Kind::Customer && mapping.parent_id != target.parent {
        return Err(Refusal::new(Name::CustomerNotBelongToReseller));
    }
    let link = &connector.link;
    let current = adobe::read(link, target.kind, &mapping.adobe_id)
        .await
        .map_err(|_| Refusal::new(Name::Unavailable))?;
    let mut mapping = mapping.clone();
    mapping.status = adobe::status_of(&current);
    let _ = connector
        .store
        .set_status(&mapping.platform_id, &mapping.status)
        .await;
    let wanted = record.company_profile(target.kind == Kind::Reseller);
    let Some(profile) = changed_profile(&current, &wanted) else {
        return Ok(synced(&mapping, "Unchanged"));
    };
    let url = adobe::account_path(target.kind, &mapping.adobe_id);
    let body = json!({ "companyProfile": profile });
    let answer = adobe::call(link, reqwest::Method::PATCH, url, Some(&body), None)
        .await
        .map_err(|_| Refusal::new(Name::Unavailable))?;
    if answer.status != 200 {
        return Err(update_refused(target.kind, &answer));
    }
    if let Ok(updated) = serde_json::from_slice::<Value>(&answer.body) {
        mapping.status = adobe::status_of(&updated);
    }
    Ok(synced(&mapping, "Updated"))
}

/// The refusal of an update: 1125 (pending or blocked) is the account not
/// being active; a 5xx is "try later".
fn update_refused(kind: Kind, answer: &Answer) -> Refusal {
    if answer.status >= 500 {
        return Refusal::new(Name::Unavailable);
    }
    let error = vipmp::response::parse_error(answer.status, &String::from_utf8_lossy(&answer.body));
    let name = match (error.code.as_str(), kind) {
        ("1125", Kind::Reseller) => Name::ResellerIsNotActive,
        ("1125", Kind::Customer) => Name::CustomerIsNotActive,
        _ => Name::RequestUpdateRejected,
    };
    Refusal::adobe(name, error)
}

/// The profile to send when the record differs from Adobe's account, `None`
/// when nothing that may be updated changed.
///
/// Compared: company name, language, address, market segment(s), and the
/// contacts' emails and phones. Names of a contact whose email Adobe already
/// has are kept as Adobe holds them (create-reseller-account.txt: they
/// "cannot be changed through this API"); unchanged market segments are left
/// out, since a customer's may not be sent while it has active
/// subscriptions.
pub fn changed_profile(current: &Value, wanted: &CompanyProfile) -> Option<Value> {
    let held: CompanyProfile =
        serde_json::from_value(current.get("companyProfile").cloned().unwrap_or_default())
            .unwrap_or_default();
    let contacts_key = |p: &CompanyProfile| -> Vec<(String, Option<String>)> {
        p.contacts
            .iter()
            .map(|c| (c.email.to_lowercase(), c.phone_number.clone()))
            .collect()
    };
    let segments_same = held.market_segment == wanted.market_segment
        && (wanted.market_segments.is_none() || held.market_segments == wanted.market_segments);
    let same = held.company_name == wanted.company_name
        && held.preferred_language == wanted.preferred_language
        && held.address == wanted.address
        && contacts_key(&held) == contacts_key(wanted)
        && segments_same;
    if same {
        return None;
    }
    let mut profile = wanted.clone();
    for contact in &mut profile.contacts {
        let known = held
            .contacts
            .iter()
            .find(|c| c.email.eq_ignore_ascii_case(&contact.email));
        if let Some(known) = known {
            contact.first_name.clone_from(&known.first_name);
            contact.last_name.clone_from(&known.last_name);
        }
    }
    if held.market_segment == wanted.market_segment {
        profile.market_segment = None;
    }
    if held.market_segments == wanted.market_segments {
        profile.market_segments = None;
    }
    serde_json::to_value(profile).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::AccountRecord;

    fn record() -> AccountRecord {
        serde_json::from_value(json!({
            "ID": "1082733", "Role": "Reseller", "CompanyName": "Fairmont",
            "Email": "mickey@mouse.com", "FirstName": "Mickey", "LastName": "Mouse",
            "Address": { "Country": "US", "State": "CA", "City": "San Jose",
                         "Street1": "200 Fairmont Ave", "PostCode": "95110" }
        }))
        .expect("record")
    }

    #[test]
    fn only_a_changed_profile_is_sent_and_known_names_are_kept() {
        let wanted = record().company_profile(true);
        let current = json!({ "companyProfile": wanted });
        assert_eq!(changed_profile(&current, &wanted), None);
        let mut renamed = record();
        renamed.first_name = "Minnie".into();
        assert_eq!(
            changed_profile(&current, &renamed.company_profile(true)),
            None
        );
        let mut moved = record();
        moved.address.city = "Santa Clara".into();
        let sent = changed_profile(&current, &moved.company_profile(true)).expect("changed");
        assert_eq!(sent["address"]["city"], "Santa Clara");
        assert_eq!(sent["contacts"][0]["firstName"], "Mickey");
        assert!(sent.get("marketSegments").is_none());
    }

    #[test]
    fn the_create_body_carries_the_platform_id() {
        let target = Target {
            kind: Kind::Reseller,
            parent: "1000000001".into(),
        };
        let body = create_body(&record(), &target);
        assert_eq!(body["externalReferenceId"], "1082733");
        assert_eq!(body["distributorId"], "1000000001");
        assert_eq!(body["companyProfile"]["marketSegments"], json!(["COM"]));
        assert_eq!(body["companyProfile"]["address"]["region"], "CA");
    }
}
