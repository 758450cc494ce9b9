//! How `POST /v2/models/retrieve` ranks a context's rows: a deterministic stand-in for a real retriever, simple
//! enough that a test can work out the expected order by hand.
//!
//! The query is split into its distinct lowercase words (runs of letters and digits). A row's score is the share
//! of those words found as words in any of its fields, rounded to 4 decimals; rows scoring 0 are left out. Ties
//! go to the row where the words occur more often, then to the earlier row.

/// A row that matched: its index in the context and its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub row: usize,
    pub score: f64,
}

/// The lowercase words of `text`, in order, repeats included.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase)
}

/// The best `size` rows for `query` among `rows` (each a list of fields), keeping only rows for which `keep`
/// holds (the request's filters).
pub fn rank(rows: &[Vec<String>], query: &str, keep: impl Fn(&[String]) -> bool, size: usize) -> Vec<Hit> {
    let mut wanted: Vec<String> = Vec::new();
    for word in words(query) {
        if !wanted.contains(&word) {
            wanted.push(word);
        }
    }
    if wanted.is_empty() {
        return Vec::new();
    }
    // (found, occurrences, row): found words decide the score, occurrences break ties.
    let mut scored: Vec<(usize, usize, usize)> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| keep(row))
        .filter_map(|(index, row)| {
            let row_words: Vec<String> = row.iter().flat_map(|field| words(field)).collect();
            let counts: Vec<usize> = wanted.iter().map(|w| row_words.iter().filter(|r| *r == w).count()).collect();
            let found = counts.iter().filter(|n| **n > 0).count();
            (found > 0).then(|| (found, counts.iter().sum(), index))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored
        .into_iter()
        .take(size)
        .map(|(found, _, row)| Hit { row, score: round4(found as f64 / wanted.len() as f64) })
        .collect()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(texts: &[&str]) -> Vec<Vec<String>> {
        texts.iter().map(|t| vec![t.to_string()]).collect()
    }

    #[test]
    fn scores_by_share_of_words_then_occurrences_then_order() {
        let rows = rows(&["reset your password", "password password", "nothing here", "Reset-password, reset!", "key"]);
        let hits = rank(&rows, "Reset the PASSWORD reset", |_| true, 10);
        let found: Vec<(usize, f64)> = hits.iter().map(|h| (h.row, h.score)).collect();
        // Words: reset, the, password. Row 3 has reset twice and password once; row 0 each once.
        assert_eq!(found, [(3, 0.6667), (0, 0.6667), (1, 0.3333)]);
        assert_eq!(rank(&rows, "reset password", |_| true, 1).len(), 1, "at most size");
        assert!(rank(&rows, "?!", |_| true, 10).is_empty(), "no words, no results");
        let kept = rank(&rows, "password", |row| row[0].contains("your"), 10);
        assert_eq!(kept, [Hit { row: 0, score: 1.0 }]);
    }

    #[test]
    fn words_are_whole_words() {
        assert_eq!(words("API keys, api-KEY").collect::<Vec<_>>(), ["api", "keys", "api", "key"]);
        let rows = rows(&["passwords"]);
        assert!(rank(&rows, "password", |_| true, 5).is_empty());
    }
}
