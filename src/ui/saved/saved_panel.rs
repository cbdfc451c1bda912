//! Saved scenarios: name and keep the scenario on screen (with its A when pinned), list, open,
//! rename, delete; export all to a file and import one. The rules live in `crate::library`;
//! this only wires them to localStorage, the dialogs and the file picker.

use crate::i18n::Lang;
use crate::library::{self, SaveError, SavedScenario, Severity};
use crate::link::Link;
use crate::preset::PresetId;
use crate::scenario::sources::Sources;
use crate::scenario::targets::Wordings;
use crate::text::labels::Label;
use crate::text::saved::{self, Done};
use crate::ui::briefing::download::download_text;
use crate::ui::saved::local_store::BrowserStore;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedPanelProps {
    /// What "save" keeps: the scenario on screen and its A.
    pub link: Link,
    /// Where its observed values were read: saved with it.
    pub sources: Sources,
    /// The wording of its targets of one's own: saved with it.
    pub wordings: Wordings,
    pub lang: Lang,
    pub on_open: Callback<(Link, Sources, Wordings)>,
}

/// What the panel shows after an action.
#[derive(Clone, Debug, PartialEq, Default)]
struct Status {
    message: String,
    problems: Vec<String>,
}

fn confirm(text: &str) -> bool {
    gloo::utils::window()
        .confirm_with_message(text)
        .unwrap_or(false)
}

fn prompt(text: &str, default: &str) -> Option<String> {
    gloo::utils::window()
        .prompt_with_message_and_default(text, default)
        .ok()
        .flatten()
}

/// Saves `entry`, asking before it replaces one of the same name; the words of the outcome.
fn save_asking(store: &mut BrowserStore, entry: &SavedScenario, lang: Lang) -> String {
    let name = entry.name.clone();
    let mut result = library::save(store, entry, false);
    if result == Err(SaveError::Exists) {
        if !confirm(&saved::replace_question(&name, lang)) {
            return saved::done(Done::NotReplaced, &name, lang);
        }
        result = library::save(store, entry, true);
    }
    match result {
        Ok(()) => saved::done(Done::Saved, &name, lang),
        Err(error) => saved::save_error(&error, lang),
    }
}

/// A button's callback that deletes `name` after a confirmation, and says so.
fn deleting(
    store: &Rc<RefCell<BrowserStore>>,
    status: &UseStateHandle<Status>,
    refresh: impl Fn() + 'static,
    name: String,
    lang: Lang,
) -> Callback<MouseEvent> {
    let (store, status) = (store.clone(), status.clone());
    Callback::from(move |_: MouseEvent| {
        if confirm(&saved::delete_question(&name, lang)) {
            library::delete(&mut *store.borrow_mut(), &name);
            let message = saved::done(Done::Deleted, &name, lang);
            status.set(Status {
                message,
                problems: Vec::new(),
            });
            refresh();
        }
    })
}

fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

#[function_component(SavedPanel)]
pub fn saved_panel(props: &SavedPanelProps) -> Html {
    let lang = props.lang;
    let store = use_mut_ref(BrowserStore::open);
    // Bumped after every change of the store, so that the list is read again.
    let version = use_state(|| 0u32);
    let status = use_state(Status::default);
    let name_ref = use_node_ref();
    let report = {
        let store = store.clone();
        use_memo(*version, move |_| {
            library::load_all(&mut *store.borrow_mut())
        })
    };
    let refresh = {
        let version = version.clone();
        move || version.set(*version + 1)
    };

    let on_save = {
        let (store, status, name_ref, refresh) = (
            store.clone(),
            status.clone(),
            name_ref.clone(),
            refresh.clone(),
        );
        let (link, sources, wordings) = (
            props.link.clone(),
            props.sources.clone(),
            props.wordings.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(input) = name_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let entry = SavedScenario::new(
                input.value().trim(),
                now_iso(),
                link.current.clone(),
                link.pinned.clone(),
            )
            .with_sources(&sources)
            .with_wordings(&wordings);
            let message = save_asking(&mut store.borrow_mut(), &entry, lang);
            status.set(Status {
                message,
                problems: Vec::new(),
            });
            refresh();
        })
    };

    let on_export = {
        let (report, status) = (report.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let file = library::export_file(&report.entries);
            let done = download_text(
                &library::export_file_name(&now_iso()),
                "application/json",
                &file,
            );
            let message = saved::exported(report.entries.len(), done, lang);
            status.set(Status {
                message,
                problems: Vec::new(),
            });
        })
    };

    // The reader must live until the file has been read.
    let reading = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_import = {
        let (store, status, refresh, reading) = (
            store.clone(),
            status.clone(),
            refresh.clone(),
            reading.clone(),
        );
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let (store, status, refresh) = (store.clone(), status.clone(), refresh.clone());
            let file = gloo::file::File::from(file);
            *reading.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| {
                let text = text.unwrap_or_default();
                let imported = library::import_file(&text);
                let mut store = store.borrow_mut();
                let outcomes: Vec<String> = imported
                    .valid
                    .iter()
                    .map(|entry| save_asking(&mut store, entry, lang))
                    .collect();
                let problems = imported
                    .problems
                    .iter()
                    .map(|problem| saved::import_problem(problem, lang))
                    .collect::<Vec<_>>();
                let errors = imported
                    .problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                let message = saved::imported(imported.valid.len(), &outcomes, errors, lang);
                status.set(Status { message, problems });
                refresh();
            }));
        })
    };

    let rows = report
        .entries
        .iter()
        .map(|entry| {
            let name = entry.name.clone();
            let open = {
                let (on_open, entry, target) = (props.on_open.clone(), entry.clone(), props.link.target);
                // The reader keeps the target and the language they are looking at.
                Callback::from(move |_: MouseEvent| {
                    let link = Link { current: entry.current.clone(), pinned: entry.pinned.clone(), lang, target, embed: None };
                    on_open.emit((link, entry.sources.clone(), entry.wordings.clone()))
                })
            };
            let rename = {
                let (store, status, refresh, name) = (store.clone(), status.clone(), refresh.clone(), name.clone());
                Callback::from(move |_: MouseEvent| {
                    let Some(new) = prompt(Label::NewName.text(lang), &name) else { return };
                    let mut store = store.borrow_mut();
                    let mut result = library::rename(&mut *store, &name, new.trim(), false);
                    if result == Err(SaveError::Exists) && confirm(saved::rename_question(lang)) {
                        result = library::rename(&mut *store, &name, new.trim(), true);
                    }
                    let message = match result {
                        Ok(()) => saved::done(Done::Renamed, new.trim(), lang),
                        Err(error) => saved::save_error(&error, lang),
                    };
                    status.set(Status { message, problems: Vec::new() });
                    refresh();
                })
            };
            let delete = deleting(&store, &status, refresh.clone(), name.clone(), lang);

            html! {
                <li class="saved-entry" data-saved={name.clone()}>
                    <span class="saved-name">{ name.clone() }</span>
                    <span class="saved-meta">{ saved::entry_meta(entry, lang) }</span>
                    <span class="saved-actions">
                        <button class="link-button" onclick={open} data-open={name.clone()}
                            aria-label={saved::entry_action(Label::Open, &name, lang)}>{ Label::Open.text(lang) }</button>
                        <button class="link-button" onclick={rename} data-rename={name.clone()}
                            aria-label={saved::entry_action(Label::Rename, &name, lang)}>{ Label::Rename.text(lang) }</button>
                        <button class="link-button" onclick={delete} data-delete={name.clone()}
                            aria-label={saved::entry_action(Label::Delete, &name, lang)}>{ Label::Delete.text(lang) }</button>
                    </span>
                </li>
            }
        })
        .collect::<Html>();
    // Errors keep an entry out (it stays stored, and can be deleted); warnings do not.
    let unreadable = report
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(|problem| {
            let delete = deleting(&store, &status, refresh.clone(), problem.name.clone(), lang);
            html! {
                <li data-saved-problem={problem.name.clone()}>
                    { saved::entry_problem(problem, lang) }
                    <button class="link-button" onclick={delete} data-delete={problem.name.clone()}>{ Label::Delete.text(lang) }</button>
                </li>
            }
        })
        .collect::<Html>();
    let warnings = report
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Warning)
        .map(|problem| html! { <li data-saved-warning={problem.name.clone()}>{ saved::entry_problem(problem, lang) }</li> })
        .collect::<Html>();
    let has_errors = report
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error);
    let has_warnings = report
        .problems
        .iter()
        .any(|p| p.severity == Severity::Warning);
    let import_problems = status
        .problems
        .iter()
        .map(|problem| html! { <li>{ problem.clone() }</li> })
        .collect::<Html>();
    let default_name = props
        .link
        .current
        .preset
        .unwrap_or(PresetId::Plan)
        .label(lang)
        .to_owned();
    html! {
        <details class="saved" data-saved-panel="">
            <summary>{ Label::SavedScenarios.text(lang) }{ saved::count(report.entries.len()) }</summary>
            if !store.borrow().is_lasting() {
                <p class="saved-warning">{ Label::NotLasting.text(lang) }</p>
            }
            <form class="save-form" onsubmit={on_save}>
                <label for="save-name">{ Label::Name.text(lang) }</label>
                <input id="save-name" ref={name_ref} type="text" maxlength="80" placeholder={default_name} />
                <button type="submit" data-save="">{ if props.link.pinned.is_some() { Label::SavePair.text(lang) } else { Label::Save.text(lang) } }</button>
            </form>
            if !status.message.is_empty() {
                <p class="saved-status" role="status">{ status.message.clone() }</p>
            }
            if !status.problems.is_empty() {
                <ul class="saved-problems" data-import-problems="">{ import_problems }</ul>
            }
            if has_errors {
                <div class="saved-problems" data-unreadable="">
                    <p>{ Label::Unreadable.text(lang) }</p>
                    <ul>{ unreadable }</ul>
                </div>
            }
            if has_warnings {
                <div class="saved-warnings" data-saved-warnings="">
                    <p>{ Label::OpenedWithNote.text(lang) }</p>
                    <ul>{ warnings }</ul>
                </div>
            }
            <ul class="saved-list">{ rows }</ul>
            <div class="saved-file">
                <button onclick={on_export} data-export-saved="">{ Label::ExportAll.text(lang) }</button>
                <label class="import">
                    { Label::ImportFile.text(lang) }
                    <input type="file" accept=".json,application/json" onchange={on_import} data-import-saved="" />
                </label>
            </div>
        </details>
    }
}
