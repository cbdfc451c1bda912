//! The page as a whole: the reducer around the state, the layout, what the page keeps in step
//! with the browser (the address, the title, the "updated" mark, the timing marks), the
//! notices, and the view of an error that stops it.

mod app;
pub mod fatal;
mod notices;
pub mod store;
pub mod timing;

pub use app::{App, AppProps};
pub use notices::Notices;
