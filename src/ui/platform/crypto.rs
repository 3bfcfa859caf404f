//! Passphrase encryption of backup files with the browser's own WebCrypto: AES-GCM with a 256-bit
//! key from PBKDF2-HMAC-SHA256, a fresh random salt and nonce per file (the file's layout is
//! `domain::backup::envelope`). No cryptography is written here, only the calls.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::domain::backup::envelope::{Envelope, NONCE_BYTES, SALT_BYTES};
use crate::domain::backup::BackupError;

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    web_sys::window().ok_or("no window")?.crypto()
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(crypto()?.subtle())
}

/// The AES-GCM key for `passphrase` under the envelope's salt and iterations.
async fn key(passphrase: &str, envelope: &Envelope) -> Result<CryptoKey, JsValue> {
    let subtle = subtle()?;
    let usages = Array::of1(&"deriveKey".into());
    // NFC first: "é" typed as one character or as "e" and an accent (keyboards differ) must
    // open the same file. The browser's own normaliser, so no Unicode tables in the wasm.
    let normalised = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
    let material = Uint8Array::from(normalised.as_bytes());
    let base: CryptoKey =
        JsFuture::from(subtle.import_key_with_str("raw", &material, "PBKDF2", false, &usages)?)
            .await?
            .unchecked_into();
    let params = Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        envelope.iterations,
        &Uint8Array::from(&envelope.salt[..]),
    );
    let target = AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let derived = subtle.derive_key_with_object_and_object(&params, &base, &target, false, &usages)?;
    Ok(JsFuture::from(derived).await?.unchecked_into())
}

fn gcm(envelope: &Envelope) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&envelope.nonce[..]));
    // The header is authenticated too: changing it fails like changing the data.
    params.set_additional_data(&Uint8Array::from(&envelope.header()[..]));
    params.set_tag_length(128);
    params
}

fn bytes_of(value: JsValue) -> Vec<u8> {
    Uint8Array::new(&value.unchecked_into::<ArrayBuffer>()).to_vec()
}

/// The backup `zip` sealed under `passphrase`, as the file to save.
pub async fn encrypt(zip: &[u8], passphrase: &str) -> Result<Vec<u8>, JsValue> {
    let crypto = crypto()?;
    let mut salt = [0u8; SALT_BYTES];
    let mut nonce = [0u8; NONCE_BYTES];
    crypto.get_random_values_with_u8_array(&mut salt)?;
    crypto.get_random_values_with_u8_array(&mut nonce)?;
    let envelope = Envelope::new(salt, nonce, zip.len());
    let key = key(passphrase, &envelope).await?;
    let sealed =
        JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(&gcm(&envelope), &key, zip)?).await?;
    Ok(envelope.seal(&bytes_of(sealed)))
}

/// The zip inside an encrypted backup file; [`BackupError::WrongPassphrase`] when GCM refuses it
/// (a wrong passphrase, or a changed file: GCM cannot tell which).
pub async fn decrypt(file: &[u8], passphrase: &str) -> Result<Vec<u8>, BackupError> {
    let (envelope, sealed) = Envelope::open(file)?;
    let failed = |_| BackupError::Damaged("the browser could not run the decryption".into());
    let key = key(passphrase, &envelope).await.map_err(failed)?;
    let promise = subtle().map_err(failed)?.decrypt_with_object_and_u8_array(&gcm(&envelope), &key, sealed);
    match promise {
        Ok(promise) => JsFuture::from(promise).await.map(bytes_of).map_err(|_| BackupError::WrongPassphrase),
        Err(_) => Err(BackupError::WrongPassphrase),
    }
}
