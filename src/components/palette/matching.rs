//! How typed text finds things: case-insensitive, anywhere in a name (or an id, or a keyword), and what starts
//! with the text before what only contains it. Pure functions, so that they are tested without a browser.

/// How well a text matches; the better ones are listed first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The text starts with what was typed ("sal" in "Sales Assistant").
    Starts,
    /// A word inside starts with it ("ass" in "Sales Assistant").
    WordStarts,
    /// It is somewhere inside ("ist" in "Sales Assistant").
    Inside,
}

/// What was typed, ready to compare: trimmed and lowercased. Empty finds everything.
pub fn normalize(typed: &str) -> String {
    typed.trim().to_lowercase()
}

/// How `query` (normalized) is found in `text` (lowercased), or `None` if it is not.
pub fn rank(text: &str, query: &str) -> Option<Rank> {
    if text.starts_with(query) {
        return Some(Rank::Starts);
    }
    let mut found = None;
    for (at, _) in text.match_indices(query) {
        let after_separator = text[..at].chars().next_back().is_some_and(|c| !c.is_alphanumeric());
        if after_separator {
            return Some(Rank::WordStarts);
        }
        found = Some(Rank::Inside);
    }
    found
}

/// The best rank of `query` in any of `texts`.
pub fn best_rank<'a>(texts: impl IntoIterator<Item = &'a str>, query: &str) -> Option<Rank> {
    texts.into_iter().filter_map(|text| rank(text, query)).min()
}

/// The items `rank_of` finds, best first; items of the same rank keep their order.
pub fn ranked<T>(items: impl IntoIterator<Item = T>, rank_of: impl Fn(&T) -> Option<Rank>) -> Vec<(Rank, T)> {
    let mut found: Vec<(Rank, T)> = items.into_iter().filter_map(|item| rank_of(&item).map(|r| (r, item))).collect();
    // Stable: ties stay in the given order (screens, then actions, then projects by name).
    found.sort_by_key(|(rank, _)| *rank);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_before_word_starts_before_inside() {
        assert_eq!(rank("sales assistant", "sal"), Some(Rank::Starts));
        assert_eq!(rank("sales assistant", "ass"), Some(Rank::WordStarts));
        assert_eq!(rank("sales assistant", "ist"), Some(Rank::Inside));
        assert_eq!(rank("sales assistant", "xyz"), None);
        assert!(Rank::Starts < Rank::WordStarts && Rank::WordStarts < Rank::Inside);
    }

    #[test]
    fn a_later_word_start_beats_an_earlier_inside_match() {
        // "an" is inside "plan" first, then starts "annual".
        assert_eq!(rank("plan annual", "an"), Some(Rank::WordStarts));
        assert_eq!(rank("0c7d-42ab", "42"), Some(Rank::WordStarts));
    }

    #[test]
    fn typed_text_is_trimmed_and_lowercased_and_empty_finds_everything() {
        assert_eq!(normalize("  Customer SUP "), "customer sup");
        assert_eq!(rank("anything", &normalize("   ")), Some(Rank::Starts));
        assert_eq!(rank("ñandú", &normalize("ÑAN")), Some(Rank::Starts));
    }

    #[test]
    fn best_rank_of_name_or_id() {
        assert_eq!(best_rank(["customer support", "7f3a-01"], "7f3"), Some(Rank::Starts));
        assert_eq!(best_rank(["customer support", "7f3a-01"], "port"), Some(Rank::Inside));
        assert_eq!(best_rank(["customer support", "7f3a-01"], "zzz"), None);
    }

    #[test]
    fn ranked_keeps_the_given_order_within_a_rank() {
        let items = ["beta alpha", "alpha one", "gamma", "alpha two", "xalpha"];
        let found: Vec<&str> = ranked(items, |item| rank(item, "alpha")).into_iter().map(|(_, i)| i).collect();
        assert_eq!(found, ["alpha one", "alpha two", "beta alpha", "xalpha"]);
    }
}
