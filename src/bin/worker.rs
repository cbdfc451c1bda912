//! The Web Worker that runs the engine (built by Trunk as `worker.js` + `worker_bg.wasm`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    taijiang_sim::worker::EngineWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser's engine worker; natively, use `cargo run --release -- '#gdp=6'`.");
}
