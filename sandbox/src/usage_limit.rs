//! Usage limits: how a client's request for one (or for a change to one) is checked, and what the sandbox keeps
//! from it.
//!
//! Apart from the routes because the vendor's `/v2/usageLimits/...` calls take the same object, alone or as the
//! `usageLimit` of a project, and must refuse the same mistakes with the same messages.

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::clock::{parse_date_time, token_timestamp, DAY_MS};
use crate::error::{ApiError, ApiResult};
use crate::model::{LimitStatus, Named, RenewalStatus, SubscriptionType, UsageLimit, UsageUnit};

/// How long one period of a subscription lasts. Freemium is a 30-day trial; a "month" is 30 days too.
pub fn period_ms(subscription: SubscriptionType) -> i64 {
    let days = match subscription {
        SubscriptionType::Freemium | SubscriptionType::Monthly => 30,
        SubscriptionType::Daily => 1,
        SubscriptionType::Weekly => 7,
    };
    days * DAY_MS
}

/// What is left before the hard limit. Never negative: the last request may overshoot (a cost is known only
/// after the answer), but the platform refuses the next one, so nothing more remains.
pub fn remaining(hard_limit: f64, used_amount: f64) -> f64 {
    (hard_limit - used_amount).max(0.0)
}

/// A limit a client asked for, checked and with its dates settled; only the id is still to be drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct NewLimit {
    pub subscription_type: SubscriptionType,
    pub usage_unit: UsageUnit,
    pub soft_limit: f64,
    pub hard_limit: f64,
    pub renewal_status: RenewalStatus,
    pub valid_from_ms: i64,
    pub valid_until_ms: i64,
}

impl NewLimit {
    /// Reads a limit from a request, field by field, and refuses the first problem with error 20 naming the
    /// field as the client wrote it: `path` is where the limit sits in the body (`usageLimit` inside a project,
    /// empty when the body is the limit), so a message reads `usageLimit.softLimit must be a number`.
    ///
    /// Without `validFrom` the limit starts at `now_ms`; without `validUntil` it lasts one period. Fields the
    /// sandbox sets itself (`id`, `usedAmount`, `remainingUsage`, `status`) are ignored, as unknown ones are.
    pub fn from_json(value: &Value, path: &str, now_ms: i64) -> ApiResult<Self> {
        let fields = Fields::of(value, path)?;
        let subscription_type = fields.required("subscriptionType", fields.choice("subscriptionType")?)?;
        let usage_unit = fields.required("usageUnit", fields.choice("usageUnit")?)?;
        let soft_limit = fields.required("softLimit", fields.amount("softLimit", usage_unit)?)?;
        let hard_limit = fields.required("hardLimit", fields.amount("hardLimit", usage_unit)?)?;
        let renewal_status = fields.choice("renewalStatus")?.unwrap_or(RenewalStatus::Renewable);
        let valid_from = fields.date_time("validFrom")?;
        let valid_until = fields.date_time("validUntil")?;

        if hard_limit < soft_limit {
            return Err(hard_below_soft(&fields.name("hardLimit"), hard_limit, &fields.name("softLimit"), soft_limit));
        }
        let valid_from_ms = valid_from.unwrap_or(now_ms);
        let valid_until_ms = valid_until.unwrap_or(valid_from_ms + period_ms(subscription_type));
        if valid_until_ms <= valid_from_ms {
            let from = match valid_from {
                Some(_) => fields.name("validFrom"),
                None => format!(
                    "the creation time ({}), used when {} is not given",
                    token_timestamp(now_ms),
                    fields.name("validFrom")
                ),
            };
            return Err(ApiError::bad_input(format!("{} must be after {from}", fields.name("validUntil"))));
        }
        Ok(Self {
            subscription_type,
            usage_unit,
            soft_limit,
            hard_limit,
            renewal_status,
            valid_from_ms,
            valid_until_ms,
        })
    }

    /// The limit as it starts: active. What it has used is counted from the log when it is shown (`usage`).
    pub fn into_limit(self, id: String) -> UsageLimit {
        UsageLimit {
            id,
            subscription_type: self.subscription_type,
            usage_unit: self.usage_unit,
            soft_limit: self.soft_limit,
            hard_limit: self.hard_limit,
            renewal_status: self.renewal_status,
            status: LimitStatus::Active,
            valid_from_ms: self.valid_from_ms,
            valid_until_ms: self.valid_until_ms,
        }
    }
}

/// One change of `PUT .../limits/{id}/{field}`: the API takes each field at its own path, with a body of that
/// one field (`{"hardLimit": 120}`).
#[derive(Clone, Debug, PartialEq)]
pub enum LimitChange {
    HardLimit(f64),
    SoftLimit(f64),
    RenewalStatus(RenewalStatus),
}

impl LimitChange {
    /// The path's last segment, exactly as the vendor writes it (`hardLimit`, `softLimit`, `renewalStatus`).
    pub const FIELDS: [&'static str; 3] = ["hardLimit", "softLimit", "renewalStatus"];

    /// Reads the body of a change to `field` of a limit counted in `unit`, with the checks and messages of
    /// creation: a number above 0 (whole for Requests), or one of the renewal statuses.
    pub fn from_json(field: &str, value: &Value, unit: UsageUnit) -> ApiResult<Self> {
        let fields = Fields::of(value, "")?;
        match field {
            "hardLimit" => Ok(Self::HardLimit(fields.required(field, fields.amount(field, unit)?)?)),
            "softLimit" => Ok(Self::SoftLimit(fields.required(field, fields.amount(field, unit)?)?)),
            "renewalStatus" => Ok(Self::RenewalStatus(fields.required(field, fields.choice(field)?)?)),
            _ => Err(ApiError::bad_endpoint()),
        }
    }

    /// Changes `limit`, keeping `hardLimit >= softLimit`: a change that would break it changes nothing.
    pub fn apply(self, limit: &mut UsageLimit) -> ApiResult<()> {
        match self {
            Self::HardLimit(hard) if hard < limit.soft_limit => {
                Err(hard_below_soft("hardLimit", hard, "softLimit", limit.soft_limit))
            }
            Self::SoftLimit(soft) if limit.hard_limit < soft => {
                Err(hard_below_soft("hardLimit", limit.hard_limit, "softLimit", soft))
            }
            Self::HardLimit(hard) => {
                limit.hard_limit = hard;
                Ok(())
            }
            Self::SoftLimit(soft) => {
                limit.soft_limit = soft;
                Ok(())
            }
            Self::RenewalStatus(renewal) => {
                limit.renewal_status = renewal;
                Ok(())
            }
        }
    }
}

/// The one message for `hardLimit < softLimit`, whichever of the two was being set.
fn hard_below_soft(hard_name: &str, hard_limit: f64, soft_name: &str, soft_limit: f64) -> ApiError {
    ApiError::bad_input(format!("{hard_name} ({hard_limit}) must be at least {soft_name} ({soft_limit})"))
}

/// Reads a stored history of limits: a list, or (state files of before the history) one limit or null. State
/// files written before limits were typed hold whatever object a client sent, never checked; such a limit
/// cannot be read faithfully, so it is dropped (the project shows no limit) rather than the whole file refused.
pub fn stored<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<UsageLimit>, D::Error> {
    let items = match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(one) => vec![one],
    };
    Ok(items.into_iter().filter_map(|v| serde_json::from_value(v).ok()).collect())
}

/// The fields of a limit object, with the name each goes by in messages.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Value, path: &'a str) -> ApiResult<Self> {
        match value {
            Value::Object(map) => Ok(Self { map, path }),
            _ if path.is_empty() => Err(ApiError::bad_input("the usage limit must be a JSON object")),
            _ => Err(ApiError::bad_input(format!("{path} must be an object"))),
        }
    }

    fn name(&self, field: &str) -> String {
        if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        }
    }

    /// Absent and null are the same: not given.
    fn get(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }

    fn required<T>(&self, field: &str, value: Option<T>) -> ApiResult<T> {
        value.ok_or_else(|| ApiError::bad_input(format!("{} is required", self.name(field))))
    }

    /// One of an enum's names, written exactly.
    fn choice<T: Named>(&self, field: &str) -> ApiResult<Option<T>> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        let Value::String(text) = value else {
            return Err(ApiError::bad_input(format!("{} must be a string", self.name(field))));
        };
        T::from_name(text).map(Some).ok_or_else(|| {
            let names: Vec<&str> = T::ALL.iter().map(|v| v.name()).collect();
            ApiError::bad_input(format!("{} must be one of {} (got '{text}')", self.name(field), names.join(", ")))
        })
    }

    /// A JSON number above 0; a whole one when the unit is requests.
    fn amount(&self, field: &str, unit: UsageUnit) -> ApiResult<Option<f64>> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        let Some(amount) = value.as_f64().filter(|a| a.is_finite()) else {
            return Err(ApiError::bad_input(format!("{} must be a number", self.name(field))));
        };
        if amount <= 0.0 {
            return Err(ApiError::bad_input(format!("{} must be greater than 0 (got {amount})", self.name(field))));
        }
        if unit == UsageUnit::Requests && amount.fract() != 0.0 {
            return Err(ApiError::bad_input(format!(
                "{} must be a whole number when usageUnit is Requests (got {amount})",
                self.name(field)
            )));
        }
        Ok(Some(amount))
    }

    fn date_time(&self, field: &str) -> ApiResult<Option<i64>> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        let Value::String(text) = value else {
            return Err(ApiError::bad_input(format!("{} must be a date-time string", self.name(field))));
        };
        parse_date_time(text).map(Some).ok_or_else(|| {
            ApiError::bad_input(format!(
                "{} must be a date-time such as 2025-01-31T00:00:00Z (got '{text}')",
                self.name(field)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: i64 = 1_763_726_400_000;

    fn monthly() -> Value {
        json!({"subscriptionType": "Monthly", "usageUnit": "Cost", "softLimit": 80, "hardLimit": 100.5})
    }

    fn refusal(value: Value, path: &str) -> String {
        let error = NewLimit::from_json(&value, path, NOW).expect_err("refused");
        assert_eq!(error.id, 20);
        error.description
    }

    #[test]
    fn a_minimal_limit_is_renewable_and_lasts_one_period_from_now() {
        let limit = NewLimit::from_json(&monthly(), "usageLimit", NOW).unwrap().into_limit("id".into());
        assert_eq!((limit.soft_limit, limit.hard_limit), (80.0, 100.5));
        assert_eq!((limit.status, limit.renewal_status), (LimitStatus::Active, RenewalStatus::Renewable));
        assert_eq!((limit.valid_from_ms, limit.valid_until_ms), (NOW, NOW + 30 * DAY_MS));
    }

    #[test]
    fn given_dates_are_kept_and_a_lone_start_gets_one_period() {
        let mut value = monthly();
        value["subscriptionType"] = json!("Weekly");
        value["validFrom"] = json!("2025-01-01T00:00:00Z");
        let limit = NewLimit::from_json(&value, "usageLimit", NOW).unwrap();
        assert_eq!(limit.valid_until_ms - limit.valid_from_ms, 7 * DAY_MS);
        value["validUntil"] = json!("2025-03-01");
        let limit = NewLimit::from_json(&value, "usageLimit", NOW).unwrap();
        assert_eq!(token_timestamp(limit.valid_until_ms), "2025-03-01T00:00:00+00:00");
    }

    #[test]
    fn messages_name_the_field_under_its_path() {
        let mut value = monthly();
        value["softLimit"] = json!("80");
        assert_eq!(refusal(value.clone(), "usageLimit"), "Bad Input Text: usageLimit.softLimit must be a number");
        assert_eq!(refusal(value, ""), "Bad Input Text: softLimit must be a number");
        assert_eq!(refusal(json!([]), ""), "Bad Input Text: the usage limit must be a JSON object");
    }

    #[test]
    fn an_end_before_the_default_start_names_the_creation_time() {
        let mut value = monthly();
        value["validUntil"] = json!("2025-01-01T00:00:00Z");
        let message = refusal(value, "usageLimit");
        assert!(message.contains("usageLimit.validUntil must be after the creation time"), "{message}");
    }

    #[test]
    fn a_state_file_limit_of_before_the_types_is_dropped_and_one_of_before_the_history_kept() {
        #[derive(Deserialize)]
        struct Holder {
            #[serde(default, alias = "limit", deserialize_with = "stored")]
            limits: Vec<UsageLimit>,
        }
        let read = |value: Value| serde_json::from_value::<Holder>(value).unwrap().limits;
        assert_eq!(read(json!({"limit": {"usageUnit": "Requests", "hardLimit": 1000}})), []);
        assert_eq!(read(json!({"limit": null})), []);
        assert_eq!(read(json!({})), []);
        let typed = NewLimit::from_json(&monthly(), "", NOW).unwrap().into_limit("id".into());
        let mut old = serde_json::to_value(&typed).unwrap();
        old["used_amount"] = json!(12.5);
        old["status"] = json!("Empty");
        let kept = read(json!({ "limit": old }));
        assert_eq!((kept.len(), kept[0].status), (1, LimitStatus::Empty), "kept; shown as Active (see usage)");
        assert_eq!(read(json!({ "limits": [typed.clone(), typed.clone()] })), [typed.clone(), typed]);
    }

    #[test]
    fn a_change_is_checked_as_on_creation_and_keeps_hard_at_least_soft() {
        let mut limit = NewLimit::from_json(&monthly(), "", NOW).unwrap().into_limit("id".into());
        let change = |field: &str, value: Value, unit| LimitChange::from_json(field, &json!({ field: value }), unit);
        let refused = |result: ApiResult<LimitChange>| result.expect_err("refused").description;
        assert_eq!(
            refused(change("hardLimit", json!("9"), UsageUnit::Cost)),
            "Bad Input Text: hardLimit must be a number"
        );
        assert_eq!(
            refused(change("softLimit", json!(1.5), UsageUnit::Requests)),
            "Bad Input Text: softLimit must be a whole number when usageUnit is Requests (got 1.5)"
        );
        assert_eq!(
            refused(change("softLimit", json!(0), UsageUnit::Cost)),
            "Bad Input Text: softLimit must be greater than 0 (got 0)"
        );
        assert_eq!(
            refused(LimitChange::from_json("hardLimit", &json!({}), UsageUnit::Cost)),
            "Bad Input Text: hardLimit is required"
        );
        assert!(
            refused(change("renewalStatus", json!("Never"), UsageUnit::Cost)).contains("renewalStatus must be one of")
        );

        let lower = change("hardLimit", json!(50), UsageUnit::Cost).unwrap();
        assert_eq!(
            lower.apply(&mut limit).expect_err("refused").description,
            "Bad Input Text: hardLimit (50) must be at least softLimit (80)"
        );
        let higher = change("softLimit", json!(120), UsageUnit::Cost).unwrap();
        assert_eq!(
            higher.apply(&mut limit).expect_err("refused").description,
            "Bad Input Text: hardLimit (100.5) must be at least softLimit (120)"
        );
        assert_eq!((limit.soft_limit, limit.hard_limit), (80.0, 100.5), "nothing changed");
        change("hardLimit", json!(80), UsageUnit::Cost).unwrap().apply(&mut limit).unwrap();
        change("renewalStatus", json!("NonRenewable"), UsageUnit::Cost).unwrap().apply(&mut limit).unwrap();
        assert_eq!((limit.hard_limit, limit.renewal_status), (80.0, RenewalStatus::NonRenewable));
    }
}
