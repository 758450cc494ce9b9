//! The paging, ordering and role-type filter every access-control list shares (FACTS.md): `startPage` (from 1),
//! `pageSize` (default 20, at most 1000), `orderKey` (the one key a call sorts by), `orderDirection` (`asc` or
//! `desc`, default `desc`) and `roleTypes` (`backend,frontend`, any case). Refusals use the live service's words.

use std::collections::HashMap;

use super::RoleType;
use crate::error::{ApiError, ApiResult};
use crate::model::Named;

pub const DEFAULT_PAGE_SIZE: usize = 20;
/// The largest page the sandbox serves. The SDK's tests ask for 1000 and get it; whether the platform takes
/// more is not known, so a client that stays within this works on both.
pub const MAX_PAGE_SIZE: usize = 1000;

/// One call's list parameters, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    pub start_page: usize,
    pub page_size: usize,
    pub descending: bool,
    /// `None`: every type.
    pub role_types: Option<Vec<RoleType>>,
}

/// One page of a list, with what the answer says of the whole.
#[derive(Debug, PartialEq, Eq)]
pub struct Page<T> {
    /// Items in the whole list (after the role-type filter).
    pub count: usize,
    /// `ceil(count / pageSize)`, and 1 for an empty list: the SDK's tests against the live service expect one
    /// (empty) page when nothing is found.
    pub pages: usize,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The same page with each item turned into another (its JSON, say).
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { count: self.count, pages: self.pages, items: self.items.into_iter().map(f).collect() }
    }
}

impl Listing {
    /// Reads the parameters from a query; `order_key` is the one key the call sorts by and `role_types` the
    /// types it takes. Other query parameters are the call's own and are left alone.
    pub fn parse(query: &HashMap<String, String>, order_key: &str, role_types: &[RoleType]) -> ApiResult<Self> {
        let number = |name: &str, default: usize, max: usize| match query.get(name).map(|v| v.trim()) {
            None => Ok(default),
            Some(text) => {
                text.parse().ok().filter(|n| (1..=max).contains(n)).ok_or_else(|| ApiError::out_of_range(name))
            }
        };
        let start_page = number("startPage", 1, usize::MAX)?;
        let page_size = number("pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)?;
        if let Some(key) = query.get("orderKey") {
            if key != order_key {
                return Err(ApiError::invalid_order(order_key));
            }
        }
        let descending = match query.get("orderDirection").map(|d| d.trim().to_ascii_lowercase()) {
            None => true,
            Some(d) if d == "desc" => true,
            Some(d) if d == "asc" => false,
            Some(_) => return Err(ApiError::out_of_range("orderDirection")),
        };
        let role_types = match query.get("roleTypes") {
            None => None,
            Some(list) => Some(
                list.split(',')
                    .map(|word| {
                        let word = word.trim();
                        role_types
                            .iter()
                            .copied()
                            .find(|t| t.name().eq_ignore_ascii_case(word))
                            .ok_or_else(|| ApiError::out_of_range("roleTypes"))
                    })
                    .collect::<ApiResult<Vec<_>>>()?,
            ),
        };
        Ok(Self { start_page, page_size, descending, role_types })
    }

    /// Whether the call asked for roles of this type.
    pub fn wants(&self, role_type: RoleType) -> bool {
        self.role_types.as_ref().is_none_or(|types| types.contains(&role_type))
    }

    /// Whether `roleTypes` was given: then an item left with no role of those types is left out.
    pub fn filters(&self) -> bool {
        self.role_types.is_some()
    }

    /// Orders `items` by `key` (ignoring case, then exactly, so the order is total) in the asked direction, and
    /// cuts the asked page out. A page past the end is empty, not an error (as the SDK's tests see live).
    pub fn page<T>(&self, items: Vec<T>, key: impl Fn(&T) -> &str) -> Page<T> {
        let mut keyed: Vec<((String, String), T)> =
            items.into_iter().map(|item| ((key(&item).to_lowercase(), key(&item).to_string()), item)).collect();
        keyed.sort_by(|(a, _), (b, _)| if self.descending { b.cmp(a) } else { a.cmp(b) });
        let count = keyed.len();
        let skip = (self.start_page - 1).saturating_mul(self.page_size);
        let items = keyed.into_iter().skip(skip).take(self.page_size).map(|(_, item)| item).collect();
        Page { count, pages: count.div_ceil(self.page_size).max(1), items }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)], types: &[RoleType]) -> ApiResult<Listing> {
        let query = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Listing::parse(&query, "name", types)
    }

    fn refusal(pairs: &[(&str, &str)]) -> String {
        parse(pairs, RoleType::ALL).expect_err("refused").description
    }

    #[test]
    fn defaults_are_the_first_page_of_twenty_descending_with_every_type() {
        let listing = parse(&[("other", "x")], RoleType::ALL).unwrap();
        assert_eq!(listing, Listing { start_page: 1, page_size: 20, descending: true, role_types: None });
        assert!(listing.wants(RoleType::Frontend) && !listing.filters());
    }

    #[test]
    fn reads_each_parameter_and_refuses_what_is_out_of_range_in_the_live_words() {
        let listing = parse(
            &[
                ("startPage", "2"),
                ("pageSize", "1000"),
                ("orderKey", "name"),
                ("orderDirection", "ASC"),
                ("roleTypes", "Frontend, backend"),
            ],
            RoleType::ALL,
        )
        .unwrap();
        assert_eq!((listing.start_page, listing.page_size, listing.descending), (2, 1000, false));
        assert_eq!(listing.role_types, Some(vec![RoleType::Frontend, RoleType::Backend]));
        assert_eq!(refusal(&[("orderKey", "email")]), "Invalid order (expected: name)");
        assert_eq!(refusal(&[("orderKey", "Name")]), "Invalid order (expected: name)");
        for bad in ["invalid_role", "", "backend,", "both"] {
            assert_eq!(refusal(&[("roleTypes", bad)]), "Field roleTypes is out of range", "{bad:?}");
        }
        assert_eq!(
            parse(&[("roleTypes", "frontend")], &[RoleType::Backend]).unwrap_err().description,
            "Field roleTypes is out of range"
        );
        assert_eq!(refusal(&[("orderDirection", "up")]), "Field orderDirection is out of range");
        for bad in ["0", "-1", "x", "1.5"] {
            assert_eq!(refusal(&[("startPage", bad)]), "Field startPage is out of range");
        }
        for bad in ["0", "1001"] {
            assert_eq!(refusal(&[("pageSize", bad)]), "Field pageSize is out of range");
        }
        let error = parse(&[("roleTypes", "x")], RoleType::ALL).unwrap_err();
        assert_eq!((error.status.as_u16(), error.id), (400, 20));
    }

    #[test]
    fn pages_are_cut_after_ordering_and_count_the_whole_list() {
        let names = vec!["bea", "Ana", "carl", "ana"];
        let listing = |pairs: &[(&str, &str)]| parse(pairs, RoleType::ALL).unwrap();
        let page = listing(&[("orderDirection", "asc"), ("pageSize", "3")]).page(names.clone(), |n| *n);
        assert_eq!((page.count, page.pages, page.items), (4, 2, vec!["Ana", "ana", "bea"]));
        let page = listing(&[("pageSize", "3"), ("startPage", "2")]).page(names.clone(), |n| *n);
        assert_eq!(page.items, ["Ana"], "descending: carl, bea, ana, Ana");
        let past = listing(&[("startPage", "999999")]).page(names, |n| *n);
        assert_eq!((past.count, past.pages, past.items.len()), (4, 1, 0));
        let empty = listing(&[]).page(Vec::<&str>::new(), |n| *n);
        assert_eq!((empty.count, empty.pages), (0, 1));
    }
}
