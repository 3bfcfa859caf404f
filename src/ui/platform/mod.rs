//! The browser's effects, behind small functions and hooks that know nothing of the app state:
//! the clock, focus, downloads and the clipboard, files in and out (the share sheet), WebCrypto,
//! the service worker, and the photo worker (a photo's copies; a large backup's file). Views
//! never call the browser for these themselves.

pub mod backup_sink;
pub mod backup_source;
pub mod buffers;
pub mod camera;
pub mod clipboard;
pub mod clock;
pub mod crypto;
pub mod deliver;
pub mod downloads;
pub mod files;
pub mod focus;
pub mod leaving;
pub mod locks;
pub mod overlap;
pub mod photo_worker;
pub mod service_worker;
pub mod shell;
pub mod tabs;
