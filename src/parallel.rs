//! Data parallelism for the stages: the same work over many independent items on every core.
//! Scoped threads from the standard library are enough here (no work stealing is needed: articles
//! are many and alike), so the core takes on no threading dependency.

/// One worker a core, and no more workers than items.
fn workers_for(items: usize) -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(items.max(1))
}

/// `f` over `items` on every core, order kept.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers_for(items.len());
    if workers <= 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a pipeline worker panicked"))
            .collect()
    })
}

/// As [`par_map`], for items of very different sizes: each worker takes the next item when it is
/// done with one, so one large item does not leave the other cores idle behind a fixed share.
pub fn par_map_balanced<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers_for(items.len());
    if workers <= 1 {
        return items.iter().map(&f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(k) else { break };
                        mine.push((k, f(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a pipeline worker panicked"))
            .collect()
    });
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, r)| r).collect()
}

/// A panic caught by [`caught`], with its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panicked(pub String);

impl std::fmt::Display for Panicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Run `f`, turning a panic into the panic's message: one article whose analysis fails must not
/// take the others down with it.
pub fn caught<R>(f: impl FnOnce() -> R) -> Result<R, Panicked> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        Panicked(
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "an unexpected failure".into()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_work_keeps_the_order_of_its_items() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven work: every hundredth item costs far more than the rest.
        let out = par_map_balanced(&items, |&x| {
            if x % 100 == 0 {
                std::hint::black_box((0..200_000u64).sum::<u64>());
            }
            x
        });
        assert_eq!(out, items);
        assert!(par_map_balanced(&[] as &[u8], |&x| x).is_empty());
    }

    #[test]
    fn a_panic_becomes_its_message_and_the_caller_goes_on() {
        assert_eq!(caught(|| 7), Ok(7));
        assert_eq!(
            caught(|| -> u8 { panic!("broken at {}", 3) }),
            Err(Panicked("broken at 3".to_string()))
        );
        assert_eq!(
            caught(|| -> u8 { panic!("static") }),
            Err(Panicked("static".to_string()))
        );
    }
}
