//! The iframe snippet that puts one piece of the page into a briefing's own page.

/// `text` made safe inside a double-quoted HTML attribute: `&`, `"`, `'`, `<` and `>` become
/// character references, so that no title or address can end the attribute or the tag.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

/// The iframe that shows the page at `src` (a piece's whole address, `…#…&embed=…`) at
/// `width` × `height` CSS pixels, titled `title` for screen readers; every attribute escaped.
pub fn iframe_snippet(src: &str, (width, height): (u32, u32), title: &str) -> String {
    format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" style=\"border:0;max-width:100%\" title=\"{}\" loading=\"lazy\"></iframe>",
        escape_attribute(src),
        escape_attribute(title)
    )
}
