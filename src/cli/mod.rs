//! The command line (native only): what the page shows, for a scenario given as a link's
//! fragment. Its arguments are read by clap: `--help` and `--version` answer, and a usage
//! error says what was wrong, shows the usage and exits with status 2. [`parse`] turns the
//! arguments into a [`Mode`], tested natively; [`run`](print::run) carries it out.

mod print;

pub use print::run;

use crate::analysis::goal_seek::Goal;
use crate::analysis::Measure;
use crate::scenario::{Param, Scenario};
use clap::error::ErrorKind;
use clap::{ArgGroup, CommandFactory, FromArgMatches, Parser, ValueEnum};
use std::ffi::OsString;

const EXAMPLES: &str = "\
Examples:
  taijiang-sim '#gdp=6&inv=50'             the targets' chances, as the page shows them
  taijiang-sim '#preset=downturn'          a preset by its link
  taijiang-sim --json '#gdp=6'             the whole summary as JSON
  taijiang-sim --csv targets '#gdp=6'      the CSV the page downloads
  taijiang-sim --compare '#gdp=7.5' '#gdp=6'
  taijiang-sim --tornado expected '#gdp=6' the levers and assumptions that move the expected number met
  taijiang-sim --goal-seek gdp 0.8 inv     what extra investment makes an 80 % chance on GDP

A LINK is what follows the '#' in the page's address (with or without the '#'); the plan's own
scenario when left out. What cannot be used in it is named on standard error, as the page does.
MEASURE is a target's key (gdp, income, income_sync, hightech, air, green_ratio, green_cover,
preschool, culture_star, culture_trip), all (all targets met) or expected (the expected number
met). docs/MODEL.md, \"The CLI\", gives every output's fields.";

/// Which CSV the page downloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CsvKind {
    /// Every series by year.
    Series,
    /// The targets table (with A, B and Δ when the link pins A).
    Targets,
}

/// The arguments as clap reads them; [`Args::mode`] checks what clap cannot.
#[derive(Debug, Parser)]
#[command(
    name = "taijiang-sim",
    about = "The Taijiang Five-Year Plan scenario simulator on the command line: the same numbers, \
             bit for bit, as the page shows for a link.",
    after_help = EXAMPLES,
    group(ArgGroup::new("mode").args([
        "compare", "csv", "tornado", "goal_seek", "bench", "bench_floor", "phases", "prerender",
    ]))
)]
struct Args {
    /// The scenario, as a link's fragment ('#gdp=6&inv=50').
    #[arg(value_name = "LINK")]
    link: Option<String>,
    /// JSON instead of lines: the whole summary, or the results of --tornado or --goal-seek.
    #[arg(long, conflicts_with_all = ["compare", "csv", "bench", "bench_floor", "phases", "prerender"])]
    json: bool,
    /// Both scenarios' chances and the paired difference with its standard error.
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "link")]
    compare: Option<Vec<String>>,
    /// The CSV the page downloads.
    #[arg(long, value_enum, value_name = "WHAT")]
    csv: Option<CsvKind>,
    /// How each lever and assumption, one step down and up, moves MEASURE.
    #[arg(long, value_name = "MEASURE")]
    tornado: Option<String>,
    /// The value of LEVER nearest the current one at which MEASURE reaches LEVEL (a chance as
    /// a fraction, 0.8; a number of targets for `expected`).
    #[arg(long = "goal-seek", num_args = 3, value_names = ["MEASURE", "LEVEL", "LEVER"])]
    goal_seek: Option<Vec<String>>,
    /// Times whole runs of the default scenario, or of LINK's: PATHS paths to HORIZON_YEAR,
    /// REPEATS times.
    #[arg(long, num_args = 3, value_names = ["PATHS", "HORIZON_YEAR", "REPEATS"])]
    bench: Option<Vec<u32>>,
    /// As --bench, for the floor (GDP and income alone).
    #[arg(long = "bench-floor", num_args = 3, value_names = ["PATHS", "HORIZON_YEAR", "REPEATS"], conflicts_with = "link")]
    bench_floor: Option<Vec<u32>>,
    /// Times the parts of a 10,000-path run to 2035 apart.
    #[arg(long, conflicts_with = "link")]
    phases: bool,
    /// The default scenario's first screen as HTML, for the built page (both languages).
    #[arg(long, conflicts_with = "link")]
    prerender: bool,
}

/// What the command line does.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// The targets' chances (or, with `json`, the whole summary) of the scenario at `link`.
    Run {
        link: String,
        json: bool,
    },
    Csv {
        what: CsvKind,
        link: String,
    },
    Compare {
        a: String,
        b: String,
    },
    Tornado {
        measure: Measure,
        link: String,
        json: bool,
    },
    GoalSeek {
        goal: Goal,
        link: String,
        json: bool,
    },
    Bench {
        scenario: Box<Scenario>,
        repeats: u32,
        /// The floor (GDP and income alone) instead of the whole engine.
        floor: bool,
    },
    Phases,
    Prerender,
}

/// The command, with its version: the program's and the model's (a number quoted from it can
/// be traced to the equations that made it).
fn command() -> clap::Command {
    Args::command().version(format!(
        "{} (model version {})",
        env!("CARGO_PKG_VERSION"),
        crate::link::MODEL_VERSION
    ))
}

/// A usage error, as clap reports one (the message, then the usage; exit status 2).
fn usage_error(kind: ErrorKind, message: String) -> clap::Error {
    command().error(kind, message)
}

fn measure(key: &str) -> Result<Measure, clap::Error> {
    Measure::from_key(key).ok_or_else(|| {
        usage_error(
            ErrorKind::InvalidValue,
            format!("unknown measure “{key}”: a target's key, all or expected"),
        )
    })
}

impl Args {
    fn mode(self) -> Result<Mode, clap::Error> {
        let link = self.link.unwrap_or_default();
        let json = self.json;
        if let Some(pair) = self.compare {
            let [a, b] = <[String; 2]>::try_from(pair).map_err(|_| {
                usage_error(
                    ErrorKind::WrongNumberOfValues,
                    "--compare takes two links".into(),
                )
            })?;
            return Ok(Mode::Compare { a, b });
        }
        if let Some(what) = self.csv {
            return Ok(Mode::Csv { what, link });
        }
        if let Some(key) = self.tornado {
            let measure = measure(&key)?;
            return Ok(Mode::Tornado {
                measure,
                link,
                json,
            });
        }
        if let Some(values) = self.goal_seek {
            let [key, level, lever] = <[String; 3]>::try_from(values).map_err(|_| {
                usage_error(
                    ErrorKind::WrongNumberOfValues,
                    "--goal-seek takes a measure, a level and a lever".into(),
                )
            })?;
            let measure = measure(&key)?;
            let required = level
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|level| level.is_finite())
                .ok_or_else(|| {
                    usage_error(
                        ErrorKind::InvalidValue,
                        format!("the level “{level}” is not a number (0.8 for a chance of 80 %)"),
                    )
                })?;
            let param = Param::from_key(&lever).ok_or_else(|| {
                usage_error(ErrorKind::InvalidValue, format!("unknown lever “{lever}”"))
            })?;
            let goal = Goal {
                measure,
                required,
                param,
            };
            return Ok(Mode::GoalSeek { goal, link, json });
        }
        for (values, floor) in [(self.bench, false), (self.bench_floor, true)] {
            let Some(values) = values else { continue };
            let [paths, horizon, repeats] = <[u32; 3]>::try_from(values).map_err(|_| {
                usage_error(
                    ErrorKind::WrongNumberOfValues,
                    "--bench takes paths, a horizon year and repeats".into(),
                )
            })?;
            // The link's scenario (observed years and all), at the paths and horizon asked.
            let base = crate::link::parse(&link).0.current.scenario;
            let scenario = i32::try_from(horizon)
                .ok()
                .and_then(|year| crate::bench::scenario_on(&base, paths, year))
                .ok_or_else(|| {
                    usage_error(
                        ErrorKind::InvalidValue,
                        format!("{paths} paths to {horizon}: paths must be 100 … 200,000 and the horizon 2025 … 2035"),
                    )
                })?;
            return Ok(Mode::Bench {
                scenario: Box::new(scenario),
                repeats,
                floor,
            });
        }
        if self.phases {
            return Ok(Mode::Phases);
        }
        if self.prerender {
            return Ok(Mode::Prerender);
        }
        Ok(Mode::Run { link, json })
    }
}

/// Reads the command line (the program's name first, as `std::env::args_os` gives it).
pub fn parse<I, T>(args: I) -> Result<Mode, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let matches = command().try_get_matches_from(args)?;
    Args::from_arg_matches(&matches)?.mode()
}

/// What a failed [`parse`] says: `--help` and `--version` their text (to standard output,
/// status 0); an error its message and the usage (to standard error, status 2).
pub struct Said {
    pub text: String,
    pub to_stderr: bool,
    pub status: i32,
}

/// What to print, and the exit status, for an error of [`parse`]: every usage error ends with
/// the usage, whatever clap's own rendering of that kind of error holds.
pub fn said(error: &clap::Error) -> Said {
    let text = error.render().to_string();
    if !error.use_stderr() {
        return Said {
            text,
            to_stderr: false,
            status: 0,
        };
    }
    let text = if text.contains("Usage:") {
        text
    } else {
        let usage = command().render_usage().to_string();
        let more = "For more information, try '--help'.";
        let message = text.trim_end().trim_end_matches(more).trim_end();
        format!("{message}\n\n{usage}\n\n{more}\n")
    };
    Said {
        text,
        to_stderr: true,
        status: 2,
    }
}

/// The usage and every option, as `--help` prints them.
pub fn help() -> String {
    command().render_long_help().to_string()
}
