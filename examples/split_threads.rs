//! A split run on native threads, to see what splitting gains without a browser around it:
//! `cargo run --release --example split_threads [PATHS] [PARTS] [REPEATS]`.
//!
//! Each part runs on its own thread; slices travel over channels, as they travel over message
//! ports between the app's workers. One part and `PARTS` parts take turns, run by run.
use std::sync::mpsc;
use std::thread;
use std::time::Instant;
use taijiang_sim::bench;
use taijiang_sim::engine::split::{merge, Outgoing, PartWorker, Slice};
use taijiang_sim::engine::{self, Summary};
use taijiang_sim::scenario::Scenario;

fn run_on_threads(scenario: &Scenario, parts: u32) -> Summary {
    let (senders, receivers): (Vec<_>, Vec<_>) =
        (0..parts).map(|_| mpsc::channel::<Slice>()).unzip();
    let done = thread::scope(|scope| {
        let handles: Vec<_> = receivers
            .into_iter()
            .enumerate()
            .map(|(part, inbox)| {
                let senders = senders.clone();
                scope.spawn(move || {
                    let mut worker = PartWorker::new();
                    let mut out = worker
                        .start(1, scenario, part as u32, parts)
                        .expect("every part fits");
                    loop {
                        for outgoing in out.drain(..) {
                            match outgoing {
                                Outgoing::Slice { to, slice } => {
                                    senders[to as usize].send(slice).expect("peer alive")
                                }
                                Outgoing::Done(summary) => return summary,
                            }
                        }
                        let slice = inbox.recv().expect("peers alive");
                        out = worker.receive(slice);
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("part finished"))
            .collect::<Vec<_>>()
    });
    merge(scenario, &done).expect("the parts make a run")
}

fn main() {
    let arg = |i: usize, default: u32| {
        std::env::args()
            .nth(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (paths, parts, repeats) = (arg(1, 10_000), arg(2, 2), arg(3, 10));
    let scenario = bench::scenario(paths, 2035).expect("valid");
    let whole = engine::run(&scenario);
    assert_eq!(run_on_threads(&scenario, parts), whole, "bit-identical");
    let (mut one, mut split) = (Vec::new(), Vec::new());
    for _ in 0..repeats {
        let start = Instant::now();
        std::hint::black_box(engine::run(&scenario));
        one.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        std::hint::black_box(run_on_threads(&scenario, parts));
        split.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (one, split) = (median(&mut one), median(&mut split));
    println!(
        "{paths} paths x 15 years: one part {one:.1} ms, {parts} parts on threads {split:.1} ms \
         (medians of {repeats}), speed-up {:.2}x, same bits",
        one / split
    );
}
