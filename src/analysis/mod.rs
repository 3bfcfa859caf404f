//! Pure image maths on `image` buffers (orientation, resizing, colour, difference, alignment,
//! redness). No browser calls: the web worker and the UI call into this module.
//!
//! The photo issues fill this module; the foundation only reserves its place in the tree so the
//! dependency direction (ui → analysis, never the reverse) is fixed from the start.
