//! The browser's localStorage as a [`Store`] for saved scenarios; a store in memory where the
//! browser refuses localStorage (private windows, some `file://` pages), so that saving still
//! works for the session and the page says it will not last.

use crate::library::{MemoryStore, Store};
use web_sys::Storage;

pub enum BrowserStore {
    Local(Storage),
    /// localStorage is unavailable: kept until the page is closed.
    Memory(MemoryStore),
}

impl BrowserStore {
    pub fn open() -> BrowserStore {
        match gloo::utils::window().local_storage() {
            Ok(Some(storage)) => BrowserStore::Local(storage),
            _ => BrowserStore::Memory(MemoryStore::new()),
        }
    }

    pub fn is_lasting(&self) -> bool {
        matches!(self, BrowserStore::Local(_))
    }
}

impl Store for BrowserStore {
    fn keys(&self) -> Vec<String> {
        match self {
            BrowserStore::Local(storage) => {
                let count = storage.length().unwrap_or(0);
                (0..count)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .collect()
            }
            BrowserStore::Memory(memory) => memory.keys(),
        }
    }

    fn get(&self, key: &str) -> Option<String> {
        match self {
            BrowserStore::Local(storage) => storage.get_item(key).ok().flatten(),
            BrowserStore::Memory(memory) => memory.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match self {
            BrowserStore::Local(storage) => storage.set_item(key, value).map_err(|error| {
                error
                    .as_string()
                    .or_else(|| {
                        js_sys::Reflect::get(&error, &"message".into())
                            .ok()
                            .and_then(|m| m.as_string())
                    })
                    .unwrap_or_else(|| "the browser refused to store it".to_owned())
            }),
            BrowserStore::Memory(memory) => memory.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) {
        match self {
            BrowserStore::Local(storage) => {
                let _ = storage.remove_item(key);
            }
            BrowserStore::Memory(memory) => memory.remove(key),
        }
    }
}
