//! Engine benchmark (`cargo bench --bench engine`): prints figures, asserts nothing.
//!
//! * time to evaluate a complete answer set (the longest path of the filing flow),
//! * time to evaluate a partial set (which also computes the exact "at most N" progress),
//! * time to enumerate and evaluate every path of every flow.

use icp_advisor::answers::AnswerSet;
use icp_advisor::engine::evaluate;
use icp_advisor::paths::for_each_path;
use icp_advisor::rulebook::RULEBOOK;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `f` in batches for about `budget`, returns the median time per call.
fn measure(budget: Duration, mut f: impl FnMut()) -> (Duration, Duration, Duration) {
    let mut batch = 1u32;
    loop {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        if t.elapsed() > Duration::from_millis(5) {
            break;
        }
        batch *= 2;
    }
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || samples.len() < 11 {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        samples.push(t.elapsed() / batch);
    }
    samples.sort();
    (samples[samples.len() / 2], samples[0], samples[samples.len() - 1])
}

fn show(name: &str, (median, min, max): (Duration, Duration, Duration)) {
    println!("{name:<52} median {median:>10.2?}   min {min:>10.2?}   max {max:>10.2?}");
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not: then only a
    // quick smoke run, so the test pass stays fast.
    let benching = std::env::args().any(|a| a == "--bench");
    let default_ms = if benching { 1500 } else { 20 };
    let budget = Duration::from_millis(
        std::env::var("BENCH_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(default_ms),
    );
    let need = RULEBOOK.flow("need").unwrap();
    let mut longest = AnswerSet::new(need);
    let mut most = 0;
    for_each_path(&RULEBOOK, need, |a| {
        let n = a.iter().count();
        if n > most {
            most = n;
            longest = *a;
        }
    });
    let ev = evaluate(&RULEBOOK, &longest);
    assert!(ev.is_complete());
    println!("complete answer set: {} answers, {} recommendations", ev.asked.len(), ev.advice.len());
    show(
        "evaluate a complete answer set (longest path)",
        measure(budget, || {
            black_box(evaluate(&RULEBOOK, black_box(&longest)));
        }),
    );
    let empty = AnswerSet::new(need);
    show(
        "evaluate an empty set (first question + progress)",
        measure(budget, || {
            black_box(evaluate(&RULEBOOK, black_box(&empty)));
        }),
    );
    let mut paths = 0;
    for f in 0..RULEBOOK.flows.len() {
        for_each_path(&RULEBOOK, f, |_| paths += 1);
    }
    show(
        &format!("enumerate and evaluate all {paths} paths"),
        measure(budget, || {
            for f in 0..RULEBOOK.flows.len() {
                for_each_path(&RULEBOOK, f, |a| {
                    black_box(evaluate(&RULEBOOK, a));
                });
            }
        }),
    );
    show(
        "render the advice report (English)",
        measure(budget, || {
            black_box(icp_advisor::report::advise(
                &RULEBOOK,
                black_box(&longest),
                Default::default(),
                Default::default(),
            ));
        }),
    );
}
