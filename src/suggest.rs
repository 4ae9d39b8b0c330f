//! "Did you mean": the nearest of a set of names to one that is not among
//! them. The checker suggests declared names for unknown ones; `explain`
//! suggests codes, duties and paragraphs.

/// How many candidates `suggest` looks at. A guidance or a council's file
/// declares tens of names of a kind; only a generated file of thousands
/// reaches this, and then the suggestion comes from the first thousand.
const MAX_CANDIDATES: usize = 1_000;

/// How many candidates that pass the cheap bounds `suggest` computes
/// distances for. Each costs microseconds, and a file may hold thousands
/// of unknown names, each asking for a suggestion.
const MAX_COMPARED: usize = 50;

/// The Jaro-Winkler similarity at or above which a candidate is close
/// enough, whatever its edit distance.
const SIMILAR: f64 = 0.88;

/// The closest of `candidates` to `name`, if any is close enough to be a
/// likely typo: within a few edits (a swap of two letters counts as one),
/// or very similar by Jaro-Winkler for longer names.
///
/// Candidates that cannot be close by either measure are skipped on
/// bounds counted from their letters, which never skip one that would be
/// suggested; the rest are compared in full, up to [`MAX_COMPARED`] of
/// them among the first [`MAX_CANDIDATES`]. So the suggestion is the
/// closest of all candidates unless more than that many are given or pass
/// the bounds, which no hand-written file comes near; a generated file
/// with thousands of unknown names then still checks in a fraction of a
/// second, each unknown name costing a bounded amount of work.
pub fn suggest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<String> {
    let lower = name.to_lowercase();
    let letters = Letters::of(&lower);
    let allowed = (letters.chars.len() / 4).max(1);
    let mut compared = 0;
    let mut best: Option<(usize, f64, &str)> = None;
    for candidate in candidates.into_iter().take(MAX_CANDIDATES) {
        if !letters.may_be_close(candidate, allowed) {
            continue;
        }
        if compared == MAX_COMPARED {
            break;
        }
        compared += 1;
        let other = candidate.to_lowercase();
        let distance = strsim::damerau_levenshtein(&lower, &other);
        let similarity = strsim::jaro_winkler(&lower, &other);
        if distance == 0 && candidate == name {
            continue;
        }
        if distance > allowed && similarity < SIMILAR {
            continue;
        }
        let better = match best {
            None => true,
            Some((best_distance, best_similarity, best_name)) => {
                (distance, -similarity, candidate) < (best_distance, -best_similarity, best_name)
            }
        };
        if better {
            best = Some((distance, similarity, candidate));
        }
    }
    best.map(|(_, _, candidate)| candidate.to_owned())
}

/// The letters of the (lower-cased) name `suggest` looks for, counted
/// once so that each candidate's distance to it is bounded cheaply.
struct Letters {
    chars: Vec<char>,
    /// How often each ASCII character occurs.
    ascii: [u32; 128],
    /// The other characters, with repeats.
    others: Vec<char>,
}

impl Letters {
    fn of(lower: &str) -> Letters {
        let chars: Vec<char> = lower.chars().collect();
        let mut ascii = [0; 128];
        let mut others = Vec::new();
        for &character in &chars {
            match ascii.get_mut(character as usize) {
                Some(count) => *count += 1,
                None => others.push(character),
            }
        }
        Letters { chars, ascii, others }
    }

    /// Whether `candidate` may be within `allowed` edits of the name, or
    /// [`SIMILAR`] to it, once lower-cased as `suggest` compares them.
    fn may_be_close(&self, candidate: &str, allowed: usize) -> bool {
        if candidate.is_ascii() {
            // What `to_lowercase` gives for ASCII, without allocating.
            self.bounds(
                candidate.bytes().map(|byte| char::from(byte.to_ascii_lowercase())),
                allowed,
            )
        } else {
            self.bounds(candidate.to_lowercase().chars(), allowed)
        }
    }

    /// With `common` the characters the two share (counted with repeats):
    /// no edit changes more than one character, so the edit distance is
    /// at least the longer length less `common`; Jaro's matches are at
    /// most `common`, which bounds its similarity, and Winkler's prefix
    /// bonus only raises it. The bounds are computed as strsim computes
    /// the measures, so where they are equal they agree to the bit.
    fn bounds(&self, other: impl Iterator<Item = char> + Clone, allowed: usize) -> bool {
        let (mine, theirs) = (self.chars.len(), other.clone().count());
        if mine == 0 || theirs == 0 {
            // Jaro gives empty strings special values; compare in full.
            return true;
        }
        let prefix = self
            .chars
            .iter()
            .take(4)
            .zip(other.clone())
            .take_while(|(mine, theirs)| **mine == *theirs)
            .count();
        let longer = mine.max(theirs);
        let close = |common: usize| {
            let matches = common as f64;
            let jaro = ((matches / mine as f64) + (matches / theirs as f64) + 1.0) / 3.0;
            let winkler = jaro + 0.1 * prefix as f64 * (1.0 - jaro);
            longer - common <= allowed || winkler >= SIMILAR - 1e-9
        };
        // The lengths alone bound `common` by the shorter length.
        close(mine.min(theirs)) && close(self.common(other))
    }

    /// How many characters `other` shares with the name, with repeats.
    fn common(&self, other: impl Iterator<Item = char>) -> usize {
        let mut ascii = self.ascii;
        let mut others = self.others.clone();
        let mut common = 0;
        for character in other {
            match ascii.get_mut(character as usize) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    common += 1;
                }
                Some(_) => {}
                None => {
                    if let Some(position) = others.iter().position(|mine| *mine == character) {
                        others.swap_remove(position);
                        common += 1;
                    }
                }
            }
        }
        common
    }
}
