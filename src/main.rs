//! In the browser, mounts the simulator. Natively, prints the targets' probabilities for a
//! scenario given as a URL fragment: `cargo run --release -- '#gdp=6&inv=50'`.

#[cfg(target_arch = "wasm32")]
fn main() {
    taijiang_sim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use taijiang_sim::{engine, format, scenario::Scenario};
    let fragment = std::env::args().nth(1).unwrap_or_default();
    let (scenario, issues) = Scenario::from_fragment(&fragment);
    for issue in &issues {
        eprintln!("ignored: {issue}");
    }
    let summary = engine::run(&scenario);
    println!("#{}", scenario.to_fragment());
    for result in &summary.targets {
        println!(
            "{}\tprobability={}\tstderr={}",
            result.id.key(),
            format::four_decimals(result.probability),
            format::four_decimals(result.std_error)
        );
    }
}
