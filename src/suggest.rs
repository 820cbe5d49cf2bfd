//! "Did you mean …?": the nearest of the names that exist, for a name typed
//! wrong (a field, an indicator code, a fragment).

/// The candidate nearest to `word` by Damerau–Levenshtein distance, with the
/// distance; on a tie, the first listed.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<(usize, &'a str)> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .min_by_key(|(distance, _)| *distance)
}

/// "; did you mean `thu_ngan_sach`?" for the nearest candidate, or nothing
/// when there is none.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates)
        .map(|(_, c)| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_name_first_listed_on_a_tie() {
        assert_eq!(
            closest("trich_yue", ["so", "trich_yeu", "ky"]),
            Some((1, "trich_yeu"))
        );
        assert_eq!(closest("ab", ["ax", "ay"]), Some((1, "ax")));
        assert_eq!(did_you_mean("x", []), "");
        assert_eq!(did_you_mean("gtsp", ["gtsx"]), "; did you mean `gtsx`?");
    }
}
