//! The Web Worker that runs the engine (built by Trunk as `worker.js` + `worker_bg.wasm`).

#[cfg(target_arch = "wasm32")]
fn main() {
    taijiang_sim::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser's engine worker; natively, use `cargo run --release -- '#gdp=6'`.");
}
