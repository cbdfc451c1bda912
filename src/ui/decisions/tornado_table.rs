//! The tornado as a table a screen reader can read: one row per parameter, largest first, each
//! side's change drawn as a bar and written as "+12.3 ± 0.4" (the sign and the words carry it,
//! not the colour), levers and assumptions told apart, and a button on each side that applies
//! that change as a new scenario compared with the current one.

use crate::analysis::tornado::{Bar, Side};
use crate::analysis::Measure;
use crate::format;
use crate::i18n::Lang;
use crate::scenario::Param;
use crate::text::decisions::{change_text, still_line, still_summary, try_button};
use crate::text::labels::Label;
use crate::text::param_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TornadoTableProps {
    pub bars: Vec<Bar>,
    pub measure: Measure,
    pub lang: Lang,
    /// Applies a parameter's value as a new scenario B (the current one pinned as A).
    pub on_apply: Callback<(Param, f64)>,
}

fn side_cell(
    bar: &Bar,
    side: Option<&Side>,
    props: &TornadoTableProps,
    widest: f64,
    up: bool,
) -> Html {
    let lang = props.lang;
    let Some((side, change)) = side.and_then(|s| s.change(props.measure).map(|c| (s, *c))) else {
        return html! { <td class="tornado-side at-limit">{ Label::AtLimit.text(lang) }</td> };
    };
    let spec = bar.param.spec();
    let width = if widest > 0.0 {
        100.0 * change.delta.abs() / widest
    } else {
        0.0
    };
    let class = if change.delta > 0.0 {
        "bar-up"
    } else if change.delta < 0.0 {
        "bar-down"
    } else {
        "bar-none"
    };
    let (param, value) = (bar.param, side.value);
    let apply = props.on_apply.reform(move |_: MouseEvent| (param, value));
    let value_text = param_value(spec, value, lang);
    let (button, name) = try_button(crate::text::param_label(spec, lang), &value_text, lang);
    html! {
        <td class={classes!("tornado-side", up.then_some("up"))}>
            <div class="tornado-track">
                <span class={classes!("tornado-bar", class)} style={format!("width:{width:.1}%")}></span>
            </div>
            <span class="tornado-number">{ change_text(props.measure, change.delta, change.std_error, lang) }</span>
            <button class="link-button" onclick={apply} aria-label={name}>{ button }</button>
        </td>
    }
}

#[function_component(TornadoTable)]
pub fn tornado_table(props: &TornadoTableProps) -> Html {
    let lang = props.lang;
    let widest = props
        .bars
        .iter()
        .map(|bar| bar.size(props.measure))
        .fold(0.0, f64::max);
    let four = format::four_decimals;
    // Parameters that changed no path at all are named in one line under the table.
    let (moving, still): (Vec<&Bar>, Vec<&Bar>) = props
        .bars
        .iter()
        .partition(|bar| bar.size(props.measure) > 0.0);
    let still_names: Vec<&str> = still
        .iter()
        .map(|bar| crate::text::param_label(bar.param.spec(), lang))
        .collect();
    let rows = moving
        .into_iter()
        .map(|bar| {
            let spec = bar.param.spec();
            let side = |s: &Option<Side>| s.as_ref().and_then(|s| s.change(props.measure).map(|c| (s.value, *c)));
            let (down, up) = (side(&bar.down), side(&bar.up));
            html! {
                <tr data-bar={spec.key}
                    data-down-value={down.map(|d| d.0.to_string())} data-down-delta={down.map(|d| four(d.1.delta))}
                    data-down-stderr={down.map(|d| four(d.1.std_error))}
                    data-up-value={up.map(|u| u.0.to_string())} data-up-delta={up.map(|u| four(u.1.delta))}
                    data-up-stderr={up.map(|u| four(u.1.std_error))}>
                    <th scope="row">
                        { crate::text::param_label(spec, lang) }
                        <span class={classes!("kind", if bar.is_lever { "kind-lever" } else { "kind-assumption" })}>
                            { if bar.is_lever { Label::LeverKind.text(lang) } else { Label::AssumptionKind.text(lang) } }
                        </span>
                        if bar.is_assumed_base {
                            <span class="kind kind-base" data-assumed-base="" tabindex="0"
                                title={Label::AssumedBaseTitle.text(lang)}>{ Label::AssumedBase.text(lang) }</span>
                        }
                    </th>
                    { side_cell(bar, bar.down.as_ref(), props, widest, false) }
                    { side_cell(bar, bar.up.as_ref(), props, widest, true) }
                </tr>
            }
        })
        .collect::<Html>();
    html! {
        <table class="tornado">
            <thead>
                <tr>
                    <th scope="col">{ Label::Parameter.text(lang) }</th>
                    <th scope="col">{ Label::StepDown.text(lang) }</th>
                    <th scope="col">{ Label::StepUp.text(lang) }</th>
                </tr>
            </thead>
            <tbody>{ rows }</tbody>
            if !still_names.is_empty() {
                // Folded to one line: a wall of thirty names would bury the bars above it.
                <tfoot><tr><td colspan="3" class="tornado-still" data-tornado-still={still.len().to_string()}>
                    <details>
                        <summary>{ still_summary(still_names.len(), lang) }</summary>
                        <p>{ still_line(&still_names, lang) }</p>
                    </details>
                </td></tr></tfoot>
            }
        </table>
    }
}
