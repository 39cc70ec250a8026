//! Judging paired runs (`cargo xtask bench load`): two pages measured back to back many
//! times, each pair giving one ratio. Single first paints on this machine spread far more
//! than the 10% being judged, so the bench reports an estimate of the typical ratio and
//! the interval it can be trusted to, not just a number.
//!
//! The estimate is the 20%-trimmed mean of the pairs' log ratios, exponentiated (a trimmed
//! geometric mean): ratios multiply, so they are averaged as logarithms; trimming keeps a
//! stall of the machine in one run from moving it, and for the bell-shaped spread seen
//! here it is about 1.5 times as efficient as the median (needs two thirds of the runs
//! for the same precision). The interval is a percentile bootstrap over the pairs, with a
//! fixed seed so that the same runs always give the same interval.

/// The share of pairs dropped at each end before averaging.
const TRIM: f64 = 0.2;
/// Resamples for the bootstrap interval: enough that its ends move by well under 0.01
/// between seeds at 61 pairs.
const RESAMPLES: usize = 4000;

/// What a set of pairs says about the first page against the second.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judged {
    /// The trimmed geometric mean of the pairs' ratios (first over second).
    pub ratio: f64,
    /// The 95% bootstrap interval of `ratio`.
    pub low: f64,
    pub high: f64,
    /// The standard deviation of the pairs' log ratios: how far one pair can be off.
    pub spread: f64,
    pub pairs: usize,
}

/// Judges pairs of times (milliseconds, first page and second page of each pair). `None`
/// when there is no pair, the lists differ in length, or a time is not a positive number:
/// a run that measured nothing must not count as a fast one.
pub fn judge(first: &[f64], second: &[f64]) -> Option<Judged> {
    if first.is_empty() || first.len() != second.len() {
        return None;
    }
    let logs: Vec<f64> = first
        .iter()
        .zip(second)
        .map(|(&a, &b)| {
            (a.is_finite() && b.is_finite() && a > 0.0 && b > 0.0).then(|| (a / b).ln())
        })
        .collect::<Option<_>>()?;
    let estimate = trimmed_mean(&logs);
    let mut rng = SplitMix64(0x5EED_B3EC);
    let mut resampled: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            let sample: Vec<f64> = (0..logs.len())
                .map(|_| logs[rng.below(logs.len())])
                .collect();
            trimmed_mean(&sample)
        })
        .collect();
    resampled.sort_by(f64::total_cmp);
    Some(Judged {
        ratio: estimate.exp(),
        low: quantile(&resampled, 0.025).exp(),
        high: quantile(&resampled, 0.975).exp(),
        spread: standard_deviation(&logs),
        pairs: logs.len(),
    })
}

/// The middle value of a list of times (the upper middle for an even count); 0 for none.
pub fn median(values: &[f64]) -> f64 {
    percentile(values, 0.5)
}

/// The value at share `q` of a list of times (nearest rank); 0 for none.
pub fn percentile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return 0.0;
    }
    quantile(&sorted, q)
}

/// Nearest-rank quantile of a sorted, non-empty list.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn trimmed_mean(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let cut = (sorted.len() as f64 * TRIM).floor() as usize;
    let kept = &sorted[cut..sorted.len() - cut];
    kept.iter().sum::<f64>() / kept.len() as f64
}

fn standard_deviation(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    (squares / (values.len() - 1) as f64).sqrt()
}

/// A small seeded generator for the bootstrap (SplitMix64, Steele, Lea and Flood 2014):
/// reproducible intervals without a dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number below `n` (n > 0); the modulo bias is below 2^-50 for lists this size.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_times_on_both_sides_are_a_ratio_of_one_with_no_spread() {
        let times = [200.0, 250.0, 310.0, 180.0];
        let judged = judge(&times, &times).unwrap();
        assert!((judged.ratio - 1.0).abs() < 1e-12, "{judged:?}");
        assert!((judged.low - 1.0).abs() < 1e-12 && (judged.high - 1.0).abs() < 1e-12);
        assert_eq!(judged.spread, 0.0);
        assert_eq!(judged.pairs, 4);
    }

    #[test]
    fn a_page_twice_as_slow_in_every_pair_is_a_ratio_of_two() {
        let second = [150.0, 220.0, 300.0, 410.0, 260.0];
        let first: Vec<f64> = second.iter().map(|t| t * 2.0).collect();
        let judged = judge(&first, &second).unwrap();
        assert!((judged.ratio - 2.0).abs() < 1e-9, "{judged:?}");
    }

    #[test]
    fn one_stalled_run_does_not_move_the_estimate() {
        // Ten pairs at 1.05 and one where the machine stalled the first page tenfold: the
        // trimmed mean drops it; a plain geometric mean would report 1.29.
        let second = vec![200.0; 11];
        let mut first = vec![210.0; 11];
        first[4] = 2000.0;
        let judged = judge(&first, &second).unwrap();
        assert!((judged.ratio - 1.05).abs() < 1e-9, "{judged:?}");
    }

    #[test]
    fn the_interval_holds_the_estimate_and_narrows_with_more_pairs() {
        // Ratios alternating 0.8 and 1.25 around 1: the interval straddles 1, and four times
        // the pairs make it about half as wide.
        let pairs = |n: usize| -> (Vec<f64>, Vec<f64>) {
            let first = (0..n)
                .map(|i| if i % 2 == 0 { 240.0 } else { 375.0 })
                .collect();
            let second = vec![300.0; n];
            (first, second)
        };
        let (a, b) = pairs(16);
        let few = judge(&a, &b).unwrap();
        let (a, b) = pairs(64);
        let many = judge(&a, &b).unwrap();
        for judged in [few, many] {
            assert!(
                judged.low <= judged.ratio && judged.ratio <= judged.high,
                "{judged:?}"
            );
            assert!(judged.low < 1.0 && judged.high > 1.0, "{judged:?}");
        }
        let width = |j: Judged| j.high.ln() - j.low.ln();
        assert!(width(many) < 0.7 * width(few), "{few:?} {many:?}");
    }

    #[test]
    fn the_same_runs_give_the_same_interval() {
        let first = [212.0, 240.0, 198.0, 305.0, 260.0, 230.0, 190.0];
        let second = [220.0, 228.0, 240.0, 260.0, 250.0, 270.0, 210.0];
        assert_eq!(judge(&first, &second), judge(&first, &second));
    }

    #[test]
    fn runs_that_measured_nothing_are_refused() {
        assert_eq!(judge(&[], &[]), None);
        assert_eq!(judge(&[200.0, 210.0], &[200.0]), None);
        assert_eq!(judge(&[200.0, 0.0], &[200.0, 210.0]), None);
        assert_eq!(judge(&[200.0, f64::NAN], &[200.0, 210.0]), None);
    }

    #[test]
    fn median_and_percentiles_of_times() {
        let times = [300.0, 100.0, 200.0, 500.0, 400.0];
        assert_eq!(median(&times), 300.0);
        assert_eq!(percentile(&times, 0.0), 100.0);
        assert_eq!(percentile(&times, 1.0), 500.0);
        assert_eq!(percentile(&times, 0.25), 200.0);
        assert_eq!(median(&[]), 0.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }
}
