//! Targets of one's own: the ones there, each with its rule in words and a way to remove it, and
//! a form to add one (series, rule, year or span, threshold, wording), read by the same reader
//! as a link's `t.` key, so that what the form takes a link takes too.

use crate::i18n::Lang;
use crate::plan::SeriesId;
use crate::scenario::targets::Wordings;
use crate::scenario::{UserRule, UserTarget, UserTargets};
use crate::text::labels::Label;
use crate::text::targets as words;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OwnTargetsPanelProps {
    pub targets: UserTargets,
    pub wordings: Wordings,
    pub lang: Lang,
    pub on_add: Callback<(UserTarget, String)>,
    pub on_remove: Callback<String>,
}

#[function_component(OwnTargetsPanel)]
pub fn own_targets_panel(props: &OwnTargetsPanelProps) -> Html {
    let lang = props.lang;
    let (name, series, rule, years, threshold, wording) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    // Why the last target typed was refused, beside the form until the next try.
    let refused = use_state(|| None::<String>);
    let on_submit = {
        let (name, series, rule, years, threshold, wording) = (
            name.clone(),
            series.clone(),
            rule.clone(),
            years.clone(),
            threshold.clone(),
            wording.clone(),
        );
        let (on_add, refused) = (props.on_add.clone(), refused.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let input = |node: &NodeRef| {
                node.cast::<HtmlInputElement>()
                    .map(|el| el.value())
                    .unwrap_or_default()
            };
            let choice = |node: &NodeRef| {
                node.cast::<HtmlSelectElement>()
                    .map(|el| el.value())
                    .unwrap_or_default()
            };
            let form = format!(
                "{}~{}~{}~{}",
                choice(&series),
                choice(&rule),
                input(&years),
                input(&threshold)
            );
            match UserTarget::parse(input(&name).trim(), &form) {
                Ok(target) => {
                    refused.set(None);
                    on_add.emit((target, input(&wording)));
                    for node in [&name, &years, &threshold, &wording] {
                        if let Some(el) = node.cast::<HtmlInputElement>() {
                            el.set_value("");
                        }
                    }
                }
                Err(error) => refused.set(Some(words::error_text(&error, lang))),
            }
        })
    };
    let rows = props
        .targets
        .iter()
        .map(|target| {
            let remove = {
                let (on_remove, target_name) = (props.on_remove.clone(), target.name().to_owned());
                Callback::from(move |_: MouseEvent| on_remove.emit(target_name.clone()))
            };
            html! {
                <li data-own={target.name().to_owned()}>
                    <strong>{ target.name() }</strong>{ " " }
                    <span class="own-rule">{ words::rule_text(target, lang) }</span>
                    if let Some(wording) = props.wordings.get(target.name()) {
                        <span class="own-wording">{ wording }</span>
                    }
                    <button class="link-button" onclick={remove}
                        aria-label={words::remove_name(target.name(), lang)}>{ Label::Remove.text(lang) }</button>
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <details class="own-targets" open={!props.targets.is_empty()}>
            <summary>{ words::group_heading(lang) }</summary>
            <p class="own-help">{ words::help(lang) }</p>
            if !props.targets.is_empty() {
                <ul class="own-list">{ rows }</ul>
            }
            <form class="own-form" onsubmit={on_submit} data-own-form="">
                <label>{ Label::OwnName.text(lang) }
                    <input ref={name} type="text" maxlength="16" placeholder="g30" autocomplete="off" data-own-field="name" /></label>
                <label>{ Label::OwnSeries.text(lang) }
                    <select ref={series} data-own-field="series">
                        // The first selected by name: Yew inserts a list from its end, and a select
                        // would otherwise keep the first option inserted, the last.
                        { for SeriesId::ALL.iter().enumerate().map(|(i, s)| html! {
                            <option value={s.key()} selected={i == 0}>{ words::series_name(*s, lang) }</option>
                        }) }
                    </select></label>
                <label>{ Label::OwnRule.text(lang) }
                    <select ref={rule} data-own-field="rule">
                        { for UserRule::ALL.iter().enumerate().map(|(i, r)| html! {
                            <option value={r.key()} selected={i == 0}>{ words::rule_name(*r, lang) }</option>
                        }) }
                    </select></label>
                <label>{ Label::OwnYears.text(lang) }
                    <input ref={years} type="text" inputmode="numeric" placeholder="2025-2030" data-own-field="years" /></label>
                <label>{ Label::OwnThreshold.text(lang) }
                    <input ref={threshold} type="text" inputmode="decimal" placeholder="6" data-own-field="threshold" /></label>
                <label class="own-wording-field">{ Label::OwnWording.text(lang) }
                    <input ref={wording} type="text" maxlength="200" data-own-field="wording" /></label>
                <button type="submit" data-own-add="">{ Label::AddTarget.text(lang) }</button>
                if let Some(message) = (*refused).clone() {
                    <p class="refused" role="alert" data-own-refused="">{ message }</p>
                }
            </form>
        </details>
    }
}
