//! Deterministic parallel accumulation over sources.
//!
//! Floating-point addition is not associative, so a rayon `reduce` (whose combination tree
//! depends on work stealing) would make the last bits of betweenness depend on the thread count.
//! Instead the sources are cut into a number of contiguous blocks that depends only on the input
//! size; each block accumulates sequentially into its own vector and the block vectors are added
//! in block order.

use rayon::prelude::*;

/// Most blocks per run: enough for work stealing to balance uneven sources on a few cores.
const MAX_BLOCKS: usize = 64;
/// Memory allowed for the per-block partial vectors, in bytes.
const PARTIAL_BUDGET: usize = 128 << 20;

/// How many blocks `items` sources are cut into when each block holds a partial vector of
/// `len` floats. Depends only on the sizes, never on the thread count.
pub(crate) fn block_count(items: usize, len: usize) -> usize {
    let by_memory = PARTIAL_BUDGET / (len.max(1) * std::mem::size_of::<f64>());
    MAX_BLOCKS.min(by_memory).min(items).max(1)
}

/// Sums `work(block_of_items, partial)` over fixed blocks of `items`, in parallel, in block
/// order. `work` receives a zeroed vector of `len` floats to accumulate into.
pub(crate) fn block_sum<T, F>(items: &[T], len: usize, work: F) -> Vec<f64>
where
    T: Sync,
    F: Fn(&[T], &mut [f64]) + Sync,
{
    let blocks = block_count(items.len(), len);
    let size = items.len().div_ceil(blocks).max(1);
    let partials: Vec<Vec<f64>> = items
        .par_chunks(size)
        .map(|chunk| {
            let mut partial = vec![0.0; len];
            work(chunk, &mut partial);
            partial
        })
        .collect();
    let mut total = vec![0.0; len];
    for partial in &partials {
        for (t, p) in total.iter_mut().zip(partial) {
            *t += p;
        }
    }
    total
}

/// Fills `out[i] = f(i)` in parallel. Each value is computed independently, so the result does
/// not depend on scheduling; `init` builds per-block scratch space, reused within the block.
pub(crate) fn fill_with<S, T, I, F>(out: &mut [T], init: I, f: F)
where
    T: Send,
    I: Fn() -> S + Sync,
    F: Fn(&mut S, usize) -> T + Sync,
{
    let n = out.len();
    // Blocks of a few hundred nodes amortise the scratch allocation and still balance well.
    let size = n.div_ceil(256).max(64);
    out.par_chunks_mut(size).enumerate().for_each(|(b, chunk)| {
        let mut scratch = init();
        for (k, slot) in chunk.iter_mut().enumerate() {
            *slot = f(&mut scratch, b * size + k);
        }
    });
}
