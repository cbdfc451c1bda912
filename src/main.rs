//! In the browser, mounts the simulator. Natively, prints the targets' probabilities for a
//! scenario given as a URL fragment (`cargo run --release -- '#gdp=6&inv=50'`), and the summary's
//! fingerprint; with
//! `--bench PATHS HORIZON_YEAR REPEATS`, times whole runs for the browser benchmark's ratios.

#[cfg(target_arch = "wasm32")]
fn main() {
    taijiang_sim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use taijiang_sim::{bench, engine, format, scenario::Scenario};
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--bench") {
        let number = |i: usize| args.get(i).and_then(|a| a.parse::<i64>().ok());
        let (Some(paths), Some(horizon), Some(repeats)) = (number(1), number(2), number(3)) else {
            eprintln!("usage: taijiang-sim --bench PATHS HORIZON_YEAR REPEATS");
            std::process::exit(2);
        };
        let Some(scenario) = bench::scenario(paths as u32, horizon as i32) else {
            eprintln!("paths or horizon out of range");
            std::process::exit(2);
        };
        let clock = std::time::Instant::now();
        let ms = bench::time_runs(&scenario, repeats as u32, || {
            clock.elapsed().as_secs_f64() * 1000.0
        });
        let ms: Vec<String> = ms.iter().map(|m| format!("{m:.4}")).collect();
        println!(
            "{{\"paths\":{paths},\"horizon\":{horizon},\"ms\":[{}]}}",
            ms.join(",")
        );
        return;
    }
    if args.first().map(String::as_str) == Some("--phases") {
        let clock = std::time::Instant::now();
        let ms = bench::time_phases(|| clock.elapsed().as_secs_f64() * 1000.0);
        for (name, ms) in bench::PHASES.iter().zip(ms) {
            println!("{name}\t{ms:.2} ms");
        }
        return;
    }
    let fragment = args.first().cloned().unwrap_or_default();
    let (scenario, issues) = Scenario::from_fragment(&fragment);
    for issue in &issues {
        eprintln!("ignored: {issue}");
    }
    let summary = engine::run(&scenario);
    // A closed pipe (`| head`) ends the output quietly instead of panicking.
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "#{}", scenario.to_fragment());
    // Every number of the summary, bit for bit: the page shows the same (data-fingerprint).
    let _ = writeln!(out, "fingerprint\t{:016x}", summary.fingerprint());
    for result in &summary.targets {
        let line = writeln!(
            out,
            "{}\tprobability={}\tstderr={}",
            result.id.key(),
            format::four_decimals(result.probability),
            format::four_decimals(result.std_error)
        );
        if line.is_err() {
            return;
        }
    }
}
