//! Hands a file made on the page to the browser's download (nothing leaves the machine).

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `file_name`; false if the browser refused.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> bool {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = download_data_url(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    clicked
}

/// Offers what `url` (a `blob:` or `data:` address made on the page) holds as a download.
pub fn download_data_url(file_name: &str, url: &str) -> bool {
    gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|anchor| {
            anchor.set_href(url);
            anchor.set_download(file_name);
            anchor.click();
        })
        .is_some()
}
