//! The Yew reducer around the framework-free state: the page and the runner both hold it.

use crate::state::{Action, AppState};
use std::rc::Rc;
use yew::prelude::*;

/// The Yew reducer around the framework-free state.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

/// A callback that dispatches the action `make` builds from its input, the same one on every
/// render: a child whose other properties did not change is then not redrawn when the page is
/// (a number being typed into a field survives the page's redraws).
#[hook]
pub fn use_dispatching<T, F>(store: &UseReducerHandle<Store>, make: F) -> Callback<T>
where
    T: 'static,
    F: Fn(T) -> Action + 'static,
{
    let dispatcher = store.dispatcher();
    let callback = use_memo((), move |_| {
        Callback::from(move |value| dispatcher.dispatch(make(value)))
    });
    (*callback).clone()
}
