//! A compact, cache-friendly map from entity id to entity index.

use std::hash::BuildHasher;

/// Maps entity ids to their indices, built for millions of look-ups per load.
///
/// Why not a `HashMap<String, u32>`: its keys live in separate heap allocations, so every
/// look-up costs a cache miss on the table and another on the key; with a million entities the
/// loader spends most of its time there. Here the ids are packed end to end in one arena, and the
/// open-addressing table holds 8-byte slots (32 bits of the hash, 32 bits of the index): a
/// look-up reads one slot and compares one arena slice. Linear probing, load factor at most 1/2.
/// Insertion and look-up are O(1) expected.
#[derive(Debug, Clone)]
pub struct IdIndex {
    arena: String,
    /// `ends[i]` is where id `i` ends in the arena (it starts at `ends[i - 1]`, or 0).
    ends: Vec<u32>,
    /// `EMPTY`, or `(hash >> 32) << 32 | index`.
    slots: Vec<u64>,
    hasher: foldhash::fast::FixedState,
}

const EMPTY: u64 = u64::MAX;

impl Default for IdIndex {
    fn default() -> Self {
        IdIndex {
            arena: String::new(),
            ends: Vec::new(),
            slots: vec![EMPTY; 16],
            hasher: foldhash::fast::FixedState::with_seed(0x9e37_79b9_7f4a_7c15),
        }
    }
}

impl IdIndex {
    /// Number of ids.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is no id.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn id(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.arena[start..self.ends[i] as usize]
    }

    fn find(&self, id: &str, hash: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let tag = hash >> 32;
        let mut pos = hash as usize & mask;
        loop {
            let slot = self.slots[pos];
            if slot == EMPTY {
                return Err(pos);
            }
            if slot >> 32 == tag && self.id((slot & 0xffff_ffff) as usize) == id {
                return Ok(slot as u32);
            }
            pos = (pos + 1) & mask;
        }
    }

    /// The index of `id`, if present.
    pub fn get(&self, id: &str) -> Option<u32> {
        self.find(id, self.hasher.hash_one(id)).ok()
    }

    /// Adds `id` with the next index (its insertion rank) and returns it, or returns the index
    /// it already has.
    pub fn insert(&mut self, id: &str) -> u32 {
        let hash = self.hasher.hash_one(id);
        match self.find(id, hash) {
            Ok(i) => i,
            Err(pos) => {
                let i = self.ends.len() as u32;
                self.arena.push_str(id);
                self.ends.push(self.arena.len() as u32);
                self.slots[pos] = (hash >> 32) << 32 | i as u64;
                if self.ends.len() * 2 > self.slots.len() {
                    self.grow();
                }
                i
            }
        }
    }

    fn grow(&mut self) {
        let mut slots = vec![EMPTY; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for i in 0..self.ends.len() {
            let hash = self.hasher.hash_one(self.id(i));
            let mut pos = hash as usize & mask;
            while slots[pos] != EMPTY {
                pos = (pos + 1) & mask;
            }
            slots[pos] = (hash >> 32) << 32 | i as u64;
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_finds_many_similar_ids() {
        let mut idx = IdIndex::default();
        for i in 0..50_000u32 {
            assert_eq!(idx.insert(&format!("e{i:06}")), i);
        }
        assert_eq!(idx.insert("e000007"), 7);
        for i in (0..50_000u32).step_by(7) {
            assert_eq!(idx.get(&format!("e{i:06}")), Some(i));
        }
        assert_eq!(idx.get("e050000"), None);
        assert_eq!(idx.get(""), None);
        assert_eq!(idx.len(), 50_000);
    }
}
