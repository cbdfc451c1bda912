//! Targets of one's own in the state: added with their wording, the horizon extended and said so
//! where one is judged after it.

use super::{AppState, Notice};
use crate::scenario::UserTarget;

impl AppState {
    pub(super) fn add_target(&mut self, target: UserTarget, wording: &str) {
        let name = target.name().to_owned();
        match self.scenario.with_target(target) {
            Ok((next, extended)) => {
                self.set_scenario(next);
                self.wordings = self.wordings.with(&name, wording);
                if let Some(year) = extended {
                    self.notices.push(Notice::HorizonExtended { name, year });
                }
            }
            // The form refuses what cannot be added before it gets here (a ninth target).
            Err(error) => self.notices.push(Notice::TargetRefused { name, error }),
        }
        self.dragging = false;
    }
}
