//! The protocol's messages in the browser's message objects: `{ bytes: Uint8Array, port?,
//! values? }`. The one place that builds and opens them, for the workers and the page alike.

use super::{decode, encode, DecodeError, BYTES};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message object that carries `message`'s bytes, with what travels beside them.
pub fn envelope<T: serde::Serialize>(message: &T, beside: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    let bytes = Uint8Array::from(encode(message).as_slice());
    // Setting a field of a plain new object cannot fail.
    let _ = Reflect::set(&object, &BYTES.into(), &bytes);
    for (key, value) in beside {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// A field of a message object (`undefined` when absent).
pub fn field(message: &JsValue, key: &str) -> JsValue {
    Reflect::get(message, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The message a message object carries.
pub fn opened<T: serde::de::DeserializeOwned>(data: &JsValue) -> Result<T, DecodeError> {
    let bytes = field(data, BYTES)
        .dyn_into::<Uint8Array>()
        .map_err(|_| DecodeError("no bytes".into()))?
        .to_vec();
    decode(&bytes)
}
