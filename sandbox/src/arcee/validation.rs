//! Request checks as FastAPI with pydantic v2 makes them: each failing field is one [`Problem`] with its `loc`,
//! `msg` and `type` in pydantic's own words, and a 422 lists every one of them, not only the first.
//!
//! The readers here take a JSON value and where it is, and answer the value or the problem; [`Fields`] runs them
//! over a body's fields and collects what fails.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::error::{Answer, Refusal};
use crate::clock::{self, DateError};

/// One failing field: `{"type", "loc", "msg", "input", "ctx"?}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub loc: Vec<Value>,
    pub msg: String,
    pub input: Value,
    /// Boxed: it is seldom there, and a `Problem` small enough travels cheaply in a `Result`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ctx: Option<Box<Value>>,
}

impl Problem {
    pub fn new(kind: &'static str, loc: Vec<Value>, msg: impl Into<String>, input: &Value) -> Self {
        Self { kind, loc, msg: msg.into(), input: input.clone(), ctx: None }
    }

    fn with_ctx(mut self, ctx: Value) -> Self {
        self.ctx = Some(Box::new(ctx));
        self
    }

    /// A rule of the API's own (a pydantic validator raising `ValueError`): `Value error, <reason>`.
    pub fn value_error(loc: Vec<Value>, reason: impl std::fmt::Display, input: &Value) -> Self {
        let reason = reason.to_string();
        Self::new("value_error", loc, format!("Value error, {reason}"), input).with_ctx(json!({ "error": reason }))
    }

    /// A required field that is absent; pydantic's `input` is then the object it is missing from.
    pub fn missing(loc: Vec<Value>, input: &Value) -> Self {
        Self::new("missing", loc, "Field required", input)
    }
}

/// `["body", name]`: where a body field is.
pub fn body(name: &str) -> Vec<Value> {
    vec!["body".into(), name.into()]
}

/// `loc` with one more step: an index in a list, or a key in an object.
pub fn within(mut loc: Vec<Value>, step: impl Into<Value>) -> Vec<Value> {
    loc.push(step.into());
    loc
}

/// A request body that must be a JSON object, as FastAPI reads one for a pydantic model: none at all is a missing
/// body, bad JSON is `json_invalid` at the byte where reading failed, another JSON value is not an object.
pub fn object(bytes: &[u8]) -> Answer<Map<String, Value>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::missing(vec!["body".into()], &Value::Null).into());
    }
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(fields)) => Ok(fields),
        Ok(other) => Err(Problem::new(
            "model_attributes_type",
            vec!["body".into()],
            "Input should be a valid dictionary or object to extract fields from",
            &other,
        )
        .into()),
        Err(e) => {
            let offset = byte_offset(bytes, e.line(), e.column());
            let reason = e.to_string();
            let reason = reason.split(" at line ").next().unwrap_or_default();
            Err(Problem::new("json_invalid", vec!["body".into(), offset.into()], "JSON decode error", &json!({}))
                .with_ctx(json!({ "error": reason }))
                .into())
        }
    }
}

/// serde_json names a place by 1-based line and column; FastAPI by offset from the start.
fn byte_offset(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        _ => bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(line - 2).map_or(bytes.len(), |(at, _)| at + 1),
    };
    (line_start + column.saturating_sub(1)).min(bytes.len())
}

/// `character` or `characters`, `item` or `items`, as pydantic writes counts.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A string of `min..=max` characters (pydantic counts characters, not bytes).
pub fn string(value: &Value, loc: Vec<Value>, min: usize, max: usize) -> Result<String, Problem> {
    let Value::String(text) = value else {
        return Err(Problem::new("string_type", loc, "Input should be a valid string", value));
    };
    let length = text.chars().count();
    if length < min {
        let msg = format!("String should have at least {}", plural(min, "character"));
        return Err(Problem::new("string_too_short", loc, msg, value).with_ctx(json!({ "min_length": min })));
    }
    if length > max {
        let msg = format!("String should have at most {}", plural(max, "character"));
        return Err(Problem::new("string_too_long", loc, msg, value).with_ctx(json!({ "max_length": max })));
    }
    Ok(text.clone())
}

/// A whole number in `min..=max`. Like pydantic's lax mode, a float without a fraction and a string of digits
/// are numbers too.
pub fn integer(value: &Value, loc: Vec<Value>, min: i64, max: i64) -> Result<i64, Problem> {
    let number = match value {
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i,
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9e15 => f as i64,
            _ => {
                let msg = "Input should be a valid integer, got a number with a fractional part";
                return Err(Problem::new("int_from_float", loc, msg, value));
            }
        },
        Value::String(text) => text.trim().parse().map_err(|_| {
            let msg = "Input should be a valid integer, unable to parse string as an integer";
            Problem::new("int_parsing", loc.clone(), msg, value)
        })?,
        _ => return Err(Problem::new("int_type", loc, "Input should be a valid integer", value)),
    };
    if number < min {
        let msg = format!("Input should be greater than or equal to {min}");
        return Err(Problem::new("greater_than_equal", loc, msg, value).with_ctx(json!({ "ge": min })));
    }
    if number > max {
        let msg = format!("Input should be less than or equal to {max}");
        return Err(Problem::new("less_than_equal", loc, msg, value).with_ctx(json!({ "le": max })));
    }
    Ok(number)
}

/// A `YYYY-MM-DD` date, as days since 1970-01-01; the messages are those of pydantic's date parser.
pub fn date(value: &Value, loc: Vec<Value>) -> Result<i64, Problem> {
    let Value::String(text) = value else {
        return Err(Problem::new("date_type", loc, "Input should be a valid date", value));
    };
    clock::read_date(text).map_err(|error| {
        let why = match error {
            DateError::TooShort => "input is too short",
            DateError::InvalidYear => "invalid character in year",
            DateError::InvalidSeparator => "invalid date separator, expected `-`",
            DateError::InvalidMonth => "invalid character in month",
            DateError::InvalidDay => "invalid character in day",
            DateError::MonthOutOfRange => "month value is outside expected range",
            DateError::DayOutOfRange => "day value is outside expected range",
            DateError::ExtraCharacters => "unexpected extra characters at the end of the input",
        };
        let msg = format!("Input should be a valid date or datetime, {why}");
        Problem::new("date_from_datetime_parsing", loc, msg, value).with_ctx(json!({ "error": why }))
    })
}

/// One of `choices` (a `Literal` or an `Enum` field): `Input should be 'team' or 'enterprise'`.
pub fn choice<T: Copy>(value: &Value, loc: Vec<Value>, choices: &[(&str, T)]) -> Result<T, Problem> {
    let found = choices.iter().find(|(name, _)| value.as_str() == Some(name)).map(|(_, choice)| *choice);
    found.ok_or_else(|| {
        let quoted: Vec<String> = choices.iter().map(|(name, _)| format!("'{name}'")).collect();
        let expected = match quoted.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        Problem::new("enum", loc, format!("Input should be {expected}"), value)
            .with_ctx(json!({ "expected": expected }))
    })
}

/// A list of `min..=max` items; its items are the caller's to check. Like pydantic, a list of the wrong length
/// is one problem, whatever its items are.
pub fn list(value: &Value, loc: Vec<Value>, min: usize, max: usize) -> Result<&Vec<Value>, Problem> {
    let Value::Array(items) = value else {
        return Err(Problem::new("list_type", loc, "Input should be a valid list", value));
    };
    let n = items.len();
    if n < min {
        let msg = format!("List should have at least {} after validation, not {n}", plural(min, "item"));
        return Err(Problem::new("too_short", loc, msg, value)
            .with_ctx(json!({ "field_type": "List", "min_length": min, "actual_length": n })));
    }
    if n > max {
        let msg = format!("List should have at most {} after validation, not {n}", plural(max, "item"));
        return Err(Problem::new("too_long", loc, msg, value)
            .with_ctx(json!({ "field_type": "List", "max_length": max, "actual_length": n })));
    }
    Ok(items)
}

/// A JSON object (a `dict` field).
pub fn dictionary(value: &Value, loc: Vec<Value>) -> Result<&Map<String, Value>, Problem> {
    value.as_object().ok_or_else(|| Problem::new("dict_type", loc, "Input should be a valid dictionary", value))
}

/// A path segment that must match `^[A-Za-z0-9_-]{1,64}$`.
pub fn path_name(name: &str, parameter: &str) -> Result<(), Problem> {
    const PATTERN: &str = "^[A-Za-z0-9_-]{1,64}$";
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if (1..=64).contains(&name.chars().count()) && name.chars().all(allowed) {
        return Ok(());
    }
    let loc = vec!["path".into(), parameter.into()];
    Err(Problem::new("string_pattern_mismatch", loc, format!("String should match pattern '{PATTERN}'"), &name.into())
        .with_ctx(json!({ "pattern": PATTERN })))
}

/// A body's fields, read one by one; what fails is collected, and [`Fields::finish`] refuses them all at once.
pub struct Fields<'a> {
    body: &'a Map<String, Value>,
    problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    pub fn new(body: &'a Map<String, Value>) -> Self {
        Self { body, problems: Vec::new() }
    }

    /// The body as pydantic shows it in `input`.
    pub fn input(&self) -> Value {
        Value::Object(self.body.clone())
    }

    /// A required field's value; a missing one is recorded.
    pub fn required(&mut self, name: &str) -> Option<&'a Value> {
        let found = self.body.get(name);
        if found.is_none() {
            let problem = Problem::missing(body(name), &self.input());
            self.problems.push(problem);
        }
        found
    }

    /// An optional field's value: absent and `null` are `None` (an `X | None = None` field).
    pub fn optional(&self, name: &str) -> Option<&'a Value> {
        self.body.get(name).filter(|value| !value.is_null())
    }

    /// Keeps a reader's answer, or records its problem.
    pub fn check<T>(&mut self, read: Result<T, Problem>) -> Option<T> {
        read.map_err(|problem| self.problems.push(problem)).ok()
    }

    /// A required string of `min..=max` characters.
    pub fn string(&mut self, name: &str, min: usize, max: usize) -> Option<String> {
        let value = self.required(name)?;
        self.check(string(value, body(name), min, max))
    }

    /// An optional string of `min..=max` characters.
    pub fn optional_string(&mut self, name: &str, min: usize, max: usize) -> Option<String> {
        let value = self.optional(name)?;
        self.check(string(value, body(name), min, max))
    }

    pub fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// 422 with every problem recorded, if any.
    pub fn finish(self) -> Answer<()> {
        Refusal::unless_valid(self.problems)
    }

    /// `finish`, then the value read: a value is absent only when its problem was recorded.
    pub fn finish_with<T>(self, value: Option<T>) -> Answer<T> {
        self.finish()?;
        value.ok_or_else(|| Refusal::internal("a field was neither read nor refused"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(read: Result<impl std::fmt::Debug, Problem>) -> (&'static str, String) {
        let problem = read.expect_err("a problem");
        (problem.kind, problem.msg)
    }

    #[test]
    fn bad_json_is_placed_by_byte_offset() {
        let Err(Refusal::Invalid(problems)) = object(b"{\n  \"a\": 1,\n  oops}") else { panic!("refused") };
        assert_eq!((problems[0].kind, &problems[0].loc), ("json_invalid", &vec![json!("body"), json!(14)]));
        assert_eq!(byte_offset(b"{not json", 1, 2), 1);
        let Err(Refusal::Invalid(problems)) = object(b"[1]") else { panic!("refused") };
        assert_eq!(problems[0].kind, "model_attributes_type");
        let Err(Refusal::Invalid(problems)) = object(b"  ") else { panic!("refused") };
        assert_eq!((problems[0].kind, &problems[0].loc), ("missing", &vec![json!("body")]));
    }

    #[test]
    fn readers_use_pydantics_words() {
        let loc = || body("x");
        assert_eq!(kind(string(&json!(5), loc(), 1, 3)), ("string_type", "Input should be a valid string".into()));
        assert_eq!(kind(string(&json!(""), loc(), 1, 3)).1, "String should have at least 1 character");
        assert_eq!(kind(string(&json!("abcd"), loc(), 1, 3)).1, "String should have at most 3 characters");
        assert_eq!(string(&json!("añb"), loc(), 1, 3), Ok("añb".into()), "characters, not bytes");
        assert_eq!(integer(&json!(5.0), loc(), 1, 50), Ok(5));
        assert_eq!(integer(&json!("7"), loc(), 1, 50), Ok(7));
        assert_eq!(kind(integer(&json!(0), loc(), 1, 50)).1, "Input should be greater than or equal to 1");
        assert_eq!(kind(integer(&json!(51), loc(), 1, 50)).1, "Input should be less than or equal to 50");
        assert_eq!(kind(integer(&json!(1.5), loc(), 1, 50)).0, "int_from_float");
        assert_eq!(kind(integer(&json!(true), loc(), 1, 50)).0, "int_type");
        assert_eq!(kind(date(&json!("2026-02-30"), loc())).0, "date_from_datetime_parsing");
        assert_eq!(kind(date(&json!("soon"), loc())).1, "Input should be a valid date or datetime, input is too short");
        assert_eq!(
            kind(choice(&json!("x"), loc(), &[("team", 1), ("enterprise", 2)])).1,
            "Input should be 'team' or 'enterprise'"
        );
        let eleven = json!(vec![1; 11]);
        assert_eq!(kind(list(&eleven, loc(), 1, 10)).1, "List should have at most 10 items after validation, not 11");
        assert_eq!(kind(list(&json!([]), loc(), 1, 10)).1, "List should have at least 1 item after validation, not 0");
        assert!(path_name("support-docs_2", "n").is_ok());
        for bad in ["", "a b", "ä", &"x".repeat(65)] {
            assert_eq!(path_name(bad, "n").unwrap_err().kind, "string_pattern_mismatch", "{bad}");
        }
    }

    #[test]
    fn fields_collect_every_problem() {
        let sent = json!({"b": 3, "c": null});
        let mut fields = Fields::new(sent.as_object().unwrap());
        assert_eq!(fields.string("a", 1, 5), None);
        assert_eq!(fields.string("b", 1, 5), None);
        assert_eq!(fields.optional_string("c", 1, 5), None);
        let Err(Refusal::Invalid(problems)) = fields.finish() else { panic!("refused") };
        let kinds: Vec<_> = problems.iter().map(|p| (p.kind, p.loc.clone())).collect();
        assert_eq!(kinds, [("missing", body("a")), ("string_type", body("b"))]);
    }
}
