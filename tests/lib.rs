//! Shared helpers for the end-to-end test suite live in `suite/`; this library is empty on purpose.
