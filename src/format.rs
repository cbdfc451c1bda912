//! Number formats shared by the UI and the charts.

/// A probability as a percentage with one decimal, e.g. `62.3 %`.
pub fn percent(probability: f64) -> String {
    format!("{:.1} %", probability * 100.0)
}

/// A probability with its standard error, e.g. `62.3 % ± 0.5 %`.
pub fn percent_with_error(probability: f64, std_error: f64) -> String {
    format!("{:.1} % ± {:.1} %", probability * 100.0, std_error * 100.0)
}

/// The 4-decimal form used in `data-probability` and `data-stderr`.
pub fn four_decimals(value: f64) -> String {
    format!("{value:.4}")
}

/// A level with thousands separators and `decimals` decimals, e.g. `1,234.5`.
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}
