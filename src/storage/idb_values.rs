//! Between the `idb` crate's values and ours: records to and from JS objects (serde), and its
//! errors into a [`StorageError`] by the `DOMException` behind them.

use idb::{Transaction, TransactionResult};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransaction;

use super::error::StorageError;

/// Commits `transaction` and waits for its end: committed, or why not.
pub(super) async fn commit(transaction: Transaction) -> Result<(), StorageError> {
    let cause = IdbTransaction::from(transaction);
    let transaction = Transaction::from(cause.clone());
    ended(transaction.commit().map_err(classify)?.await, &cause)
}

/// Waits for `transaction` to end on its own (once its requests are done): committed, or why not.
pub(super) async fn finish(transaction: Transaction) -> Result<(), StorageError> {
    let cause = IdbTransaction::from(transaction);
    ended(Transaction::from(cause.clone()).await, &cause)
}

/// An aborted transaction says why through its `error`: a full disk refuses a write at its commit
/// with a QuotaExceededError there, which must read as "out of space", not as a cancelled write.
fn ended(
    result: Result<TransactionResult, idb::Error>,
    transaction: &IdbTransaction,
) -> Result<(), StorageError> {
    match result.map_err(classify)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err(transaction.error().map_or_else(
            || StorageError::Other("the write was cancelled".into()),
            |cause| classify(idb::Error::DomException(cause)),
        )),
    }
}

/// `record` as a JS object with a `key` field beside its own.
pub(super) fn keyed<T: Serialize>(key: &str, record: &T) -> Result<JsValue, StorageError> {
    let value = to_js(record)?;
    js_sys::Reflect::set(&value, &JsValue::from_str("key"), &JsValue::from_str(key))
        .map_err(|_| StorageError::Corrupt("a settings record is not an object".into()))?;
    Ok(value)
}

pub(super) fn to_js<T: Serialize>(record: &T) -> Result<JsValue, StorageError> {
    record
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| StorageError::Corrupt(e.to_string()))
}

pub(super) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, StorageError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| StorageError::Corrupt(e.to_string()))
}

/// Whether `error` is a transaction refused because the connection is closed (or closing).
pub(super) fn is_closed_connection(error: &idb::Error) -> bool {
    let carried = match error {
        idb::Error::DomException(exception) => Some(JsValue::from(exception.clone())),
        idb::Error::TransactionOpenFailed(v) => Some(v.clone()),
        _ => None,
    };
    carried
        .and_then(|v| v.dyn_into::<web_sys::DomException>().ok())
        .is_some_and(|exception| exception.name() == "InvalidStateError")
}

/// Turns an `idb` error into a [`StorageError`], by the `DOMException` behind it where there is one.
pub(super) fn classify(error: idb::Error) -> StorageError {
    use idb::Error as E;
    let carried = match &error {
        E::DomException(exception) => Some(JsValue::from(exception.clone())),
        E::IndexedDbNotFound(_) => return StorageError::Unavailable,
        E::IndexedDbOpenFailed(v)
        | E::IndexedDbDeleteFailed(v)
        | E::AddFailed(v)
        | E::UpdateFailed(v)
        | E::GetFailed(v)
        | E::GetAllFailed(v)
        | E::GetAllKeysFailed(v)
        | E::DeleteFailed(v)
        | E::ClearFailed(v)
        | E::TransactionOpenFailed(v)
        | E::TransactionCommitError(v)
        | E::TransactionAbortError(v)
        | E::ObjectStoreCreateFailed(v)
        | E::IndexCreateFailed(v) => Some(v.clone()),
        _ => None,
    };
    match carried.and_then(|v| v.dyn_into::<web_sys::DomException>().ok()) {
        Some(exception) => StorageError::from_dom_exception(&exception.name(), &exception.message()),
        None => StorageError::Other(error.to_string()),
    }
}
