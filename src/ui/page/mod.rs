//! The page as a whole: the reducer around the state, the layout (`app.rs`) and its two halves,
//! what the page keeps in step with the browser (the address, the document's language and
//! title, the "updated" mark, the timing marks), the notices, and the view of an error that
//! stops it.

mod app;
mod controls_panel;
mod document;
pub mod fatal;
pub mod folded;
mod fragment;
mod notices;
mod results_panel;
pub mod store;
pub mod timing;

pub use app::{App, AppProps};
pub use notices::Notices;
