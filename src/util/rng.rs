//! Seeded, platform-independent randomness.
//!
//! Every randomised algorithm in powermap takes a `u64` seed and draws from [`SeededRng`], a ChaCha8
//! generator whose output stream is fixed by the `rand_chacha` crate for a given seed on every
//! platform, so the same seed gives the same result everywhere.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The default seed used when the user gives none.
pub const DEFAULT_SEED: u64 = 42;

/// A deterministic random number generator (ChaCha8) seeded from a `u64`.
#[derive(Debug, Clone)]
pub struct SeededRng(ChaCha8Rng);

impl SeededRng {
    /// A generator whose stream depends only on `seed`.
    pub fn new(seed: u64) -> SeededRng {
        SeededRng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A uniform float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        self.0.random::<f64>()
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.random_range(0..n)
    }

    /// Shuffles `items` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = SeededRng::new(7);
        let mut b = SeededRng::new(7);
        for _ in 0..10 {
            assert_eq!(a.below(1000), b.below(1000));
        }
    }
}
