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

/// The nearest candidate, to offer whatever its distance (a list of
/// indicator codes, fragments or kinds, where any hint helps).
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates).map(|(_, c)| c.to_string())
}

/// The nearest candidate when it is close enough (3 edits) to be a typo of
/// `word`, not merely the least far of unrelated names.
pub fn typo_of<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    match closest(word, candidates) {
        Some((distance, c)) if distance <= 3 => Some(c.to_string()),
        _ => None,
    }
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
        assert_eq!(suggestion("x", []), None);
        assert_eq!(suggestion("gtsp", ["gtsx"]), Some("gtsx".into()));
        assert_eq!(typo_of("gtsp", ["nam_nay"]), None);
    }
}
