//! The shared power-iteration loop: NetworkX's convergence verdict, a tighter fixed point.

use super::CentralityError;

/// Convergence settings for the power iterations (PageRank, eigenvector, Katz, HITS).
///
/// Two criteria run on the *same* sequence of iterates. The reference criterion reproduces the
/// NetworkX call — stop when the L1 change between iterates is below `n * reference_tol`, fail
/// after `reference_max_iter` iterations — and only decides whether the centrality exists. The
/// value reported is then refined until the L1 change is below `tol * max(n, ‖x‖₁)` (at most
/// `max_iter` iterations in total), because NetworkX's own answer at 1e-6 is only accurate to
/// roughly 1e-6 and powermap promises the fixed point itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IterOptions {
    /// Tolerance of the refined fixed point (per node, like NetworkX's `tol`).
    pub tol: f64,
    /// Total iteration budget for the refinement. Running out is not an error: the iterate at
    /// which the reference criterion was met is returned, with [`PowerResult::refined`] false.
    pub max_iter: usize,
    /// NetworkX's `tol` for the call being reproduced.
    pub reference_tol: f64,
    /// NetworkX's `max_iter` for the call being reproduced.
    pub reference_max_iter: usize,
}

impl Default for IterOptions {
    /// `tol = 1e-13`, `max_iter = 20_000`, reference `tol = 1e-6`, `max_iter = 1000`.
    fn default() -> Self {
        IterOptions {
            tol: 1e-13,
            max_iter: 20_000,
            reference_tol: 1e-6,
            reference_max_iter: 1000,
        }
    }
}

impl IterOptions {
    /// The same options with another reference iteration budget (e.g. NetworkX's default of 100
    /// for `pagerank`).
    pub fn with_reference_max_iter(self, reference_max_iter: usize) -> Self {
        IterOptions {
            reference_max_iter,
            ..self
        }
    }
}

/// A converged power iteration.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerResult {
    /// One value per node.
    pub values: Vec<f64>,
    /// Iterations performed in total.
    pub iterations: usize,
    /// Whether the tight tolerance was reached. False means the refinement budget ran out — the
    /// iteration converges only polynomially (a defective dominant eigenvalue, e.g. on acyclic
    /// parts of a digraph), so no affordable tolerance gets near the limit — and `values` is
    /// then the iterate where the reference criterion was first met: exactly NetworkX's own
    /// answer with its default tolerance. Without a reference criterion it is the last iterate.
    pub refined: bool,
}

impl PowerResult {
    /// The result on a graph without nodes: no values, nothing to refine.
    pub fn empty() -> PowerResult {
        PowerResult {
            values: Vec::new(),
            iterations: 0,
            refined: true,
        }
    }
}

/// Runs `step(x, next)` from `x0` until the criteria of [`IterOptions`] decide.
///
/// `step` must write the next (already normalised) iterate into `next`. `reference` false skips
/// the NetworkX verdict (for iterations NetworkX does not run, such as HITS, which it solves with
/// ARPACK). Costs one O(n) pass per iteration on top of `step`.
pub(crate) fn power_iterate(
    algorithm: &'static str,
    x0: Vec<f64>,
    opts: &IterOptions,
    reference: bool,
    mut step: impl FnMut(&[f64], &mut [f64]),
) -> Result<PowerResult, CentralityError> {
    let n = x0.len();
    let nf = n as f64;
    let mut x = x0;
    let mut next = vec![0.0; n];
    let mut reference_met = !reference;
    let mut at_reference: Option<(Vec<f64>, usize)> = None;
    let mut progress = Progress::default();
    let budget = opts.max_iter.max(if reference {
        opts.reference_max_iter
    } else {
        0
    });
    for it in 1..=budget {
        step(&x, &mut next);
        let mut err = 0.0;
        let mut mass = 0.0;
        for (a, b) in next.iter().zip(&x) {
            err += (a - b).abs();
            mass += a.abs();
        }
        std::mem::swap(&mut x, &mut next);
        if !reference_met {
            if err < nf * opts.reference_tol {
                reference_met = true;
                at_reference = Some((x.clone(), it));
            } else if it >= opts.reference_max_iter || !err.is_finite() {
                return Err(CentralityError::NotConverged {
                    algorithm,
                    max_iter: opts.reference_max_iter,
                });
            }
        }
        if reference_met {
            if err < opts.tol * nf.max(mass) {
                return Ok(PowerResult {
                    values: x,
                    iterations: it,
                    refined: true,
                });
            }
            if it >= opts.max_iter || progress.hopeless(it, err, opts.tol * nf.max(mass), opts) {
                let (values, iterations) = at_reference.unwrap_or((x, it));
                return Ok(PowerResult {
                    values,
                    iterations,
                    refined: false,
                });
            }
        }
    }
    // Only reachable with a zero budget.
    Err(CentralityError::NotConverged {
        algorithm,
        max_iter: budget,
    })
}

/// Iterations between two estimates of the convergence rate.
const WINDOW: usize = 100;

/// Watches the error decay so that an iteration that cannot reach the tolerance within the
/// budget stops early instead of burning it. On a graph whose dominant eigenvalue is defective
/// (acyclic parts) the error shrinks only like 1/k, and on a large graph 20,000 useless
/// iterations would take minutes; the answer is the same either way (the reference iterate).
#[derive(Default)]
struct Progress {
    /// Iteration and error at the start of the current window.
    mark: Option<(usize, f64)>,
    /// Consecutive windows whose geometric extrapolation overshoots the budget.
    strikes: u32,
}

impl Progress {
    /// Whether, at the rate observed over the last window, the error cannot fall below
    /// `target` within `opts.max_iter` iterations — twice in a row, so that a transient does
    /// not count.
    fn hopeless(&mut self, it: usize, err: f64, target: f64, opts: &IterOptions) -> bool {
        let Some((start, start_err)) = self.mark else {
            self.mark = Some((it, err));
            return false;
        };
        if it - start < WINDOW {
            return false;
        }
        let rate = (err / start_err).powf(1.0 / (it - start) as f64);
        let needed = if rate < 1.0 {
            (target / err).ln() / rate.ln()
        } else {
            f64::INFINITY
        };
        self.mark = Some((it, err));
        if it as f64 + needed > opts.max_iter as f64 {
            self.strikes += 1;
        } else {
            self.strikes = 0;
        }
        self.strikes >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_failure_is_an_error_even_if_it_would_converge_later() {
        // x_{k+1} = x_k / 2 + 1 converges to 2 geometrically; with a budget of 3 the reference
        // criterion (change < 1e-6) cannot be met.
        let opts = IterOptions {
            reference_max_iter: 3,
            ..IterOptions::default()
        };
        let step = |x: &[f64], y: &mut [f64]| y[0] = x[0] / 2.0 + 1.0;
        assert!(power_iterate("t", vec![0.0], &opts, true, step).is_err());
        let r = power_iterate("t", vec![0.0], &IterOptions::default(), true, step);
        let r = r.expect("converges");
        assert!(r.refined);
        assert!((r.values[0] - 2.0).abs() < 1e-12);
    }

    #[test]
    fn polynomial_convergence_stops_early_with_the_reference_iterate() {
        // Steps of 1/k²: the reference (1e-6) is met near k = 1000, the tight tolerance never.
        let mut calls = 0usize;
        let step = |x: &[f64], y: &mut [f64]| {
            calls += 1;
            y[0] = x[0] + 1.0 / (calls * calls) as f64;
        };
        let opts = IterOptions {
            reference_max_iter: 5000,
            ..IterOptions::default()
        };
        let r = power_iterate("t", vec![0.0], &opts, true, step).expect("reference met");
        assert!(!r.refined);
        assert!((1000..=1001).contains(&r.iterations), "{}", r.iterations);
        // A geometric extrapolation is optimistic for 1/k² decay; it still gives up long before
        // the 20,000-iteration budget.
        assert!(calls < 5000, "{calls} iterations");
    }
}
