//! In the browser, mounts the simulator. Natively, the command line (`taijiang_sim::cli`):
//! `taijiang-sim --help` says what it does.

#[cfg(target_arch = "wasm32")]
fn main() {
    taijiang_sim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use taijiang_sim::cli;
    // A usage error prints the usage and exits with 2; --help and --version print and exit 0.
    let mode = cli::parse(std::env::args_os()).unwrap_or_else(|error| {
        let said = cli::said(&error);
        if said.to_stderr {
            eprint!("{}", said.text);
        } else {
            print!("{}", said.text);
        }
        std::process::exit(said.status)
    });
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    if let Err(error) = cli::run(mode, &mut stdout.lock(), &mut stderr.lock()) {
        // A closed pipe (`| head`) ends the output quietly; anything else is said.
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("taijiang-sim: {error}");
            std::process::exit(1);
        }
    }
}
