//! Request bodies that must be JSON objects, read field by field with the API's error for each mistake.

use serde_json::Value;

use crate::error::{ApiError, ApiResult};

/// A request body of any JSON value, for readers that name what they expect themselves (`NewLimit::from_json`).
pub fn json(body: &[u8]) -> ApiResult<Value> {
    serde_json::from_slice(body).map_err(|e| ApiError::bad_input(format!("the body is not valid JSON ({e})")))
}

/// A request body that must be a JSON object; fields are looked up under each accepted spelling.
pub struct JsonObject(serde_json::Map<String, Value>);

impl JsonObject {
    pub fn parse(body: &[u8]) -> ApiResult<Self> {
        match json(body)? {
            Value::Object(map) => Ok(Self(map)),
            _ => Err(ApiError::bad_input("the body must be a JSON object")),
        }
    }

    pub fn get(&self, names: &[&str]) -> Option<&Value> {
        names.iter().find_map(|n| self.0.get(*n))
    }

    /// A string field; absent and null are `None`, any other type is refused.
    pub fn text(&self, names: &[&str]) -> ApiResult<Option<String>> {
        match self.get(names) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::bad_input(format!("{} must be a string", names[0]))),
        }
    }
}
