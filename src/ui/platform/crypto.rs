//! Passphrase encryption of backup files with the browser's own WebCrypto: AES-GCM with a 256-bit
//! key from PBKDF2-HMAC-SHA256 and a fresh random salt and nonce prefix per file. New files are
//! sealed in chunks (`domain::backup::sealed_stream`), so memory holds one chunk, not the file;
//! files from before (envelope versions 1 and 2, `domain::backup::envelope`) open whole. No
//! cryptography is written here, only the calls.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::domain::backup::envelope::{Envelope, SALT_BYTES};
use crate::domain::backup::sealed_stream::{SealedStream, NONCE_PREFIX_BYTES};
use crate::domain::backup::BackupError;

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    web_sys::window().ok_or("no window")?.crypto()
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(crypto()?.subtle())
}

/// The AES-GCM key for `passphrase` under this salt and iteration count.
async fn derive_key(passphrase: &str, iterations: u32, salt: &[u8]) -> Result<CryptoKey, JsValue> {
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
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let target = AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let derived = subtle.derive_key_with_object_and_object(&params, &base, &target, false, &usages)?;
    Ok(JsFuture::from(derived).await?.unchecked_into())
}

/// GCM's parameters: the nonce, and the header as additional data (a changed header fails
/// like changed data).
fn gcm(nonce: &[u8], header: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data(&Uint8Array::from(header));
    params.set_tag_length(128);
    params
}

fn bytes_of(value: JsValue) -> Vec<u8> {
    Uint8Array::new(&value.unchecked_into::<ArrayBuffer>()).to_vec()
}

/// A chunked file's key and parameters, for sealing or opening its chunks.
pub struct StreamKey {
    key: CryptoKey,
    pub stream: SealedStream,
    header: Vec<u8>,
}

impl StreamKey {
    /// A new file's: fresh random salt and nonce prefix, and the key for `passphrase`.
    pub async fn create(passphrase: &str) -> Result<StreamKey, JsValue> {
        let crypto = crypto()?;
        let mut salt = [0u8; SALT_BYTES];
        let mut nonce_prefix = [0u8; NONCE_PREFIX_BYTES];
        crypto.get_random_values_with_u8_array(&mut salt)?;
        crypto.get_random_values_with_u8_array(&mut nonce_prefix)?;
        StreamKey::derive(passphrase, SealedStream::new(salt, nonce_prefix)).await
    }

    /// The key of an existing file with these parameters.
    pub async fn derive(passphrase: &str, stream: SealedStream) -> Result<StreamKey, JsValue> {
        let key = derive_key(passphrase, stream.iterations, &stream.salt).await?;
        Ok(StreamKey { key, header: stream.header(), stream })
    }

    pub fn header(&self) -> &[u8] {
        &self.header
    }

    /// Chunk `counter` sealed (its ciphertext and tag).
    pub async fn seal(&self, counter: u32, last: bool, plain: &[u8]) -> Result<ArrayBuffer, JsValue> {
        let params = gcm(&self.stream.nonce(counter, last), &self.header);
        let sealed = subtle()?.encrypt_with_object_and_u8_array(&params, &self.key, plain)?;
        Ok(JsFuture::from(sealed).await?.unchecked_into())
    }

    /// Chunk `counter` opened, or `None` when GCM refuses it (a wrong key, or a changed or cut
    /// chunk: GCM cannot tell which).
    pub async fn open(&self, counter: u32, last: bool, sealed: &[u8]) -> Option<Vec<u8>> {
        let params = gcm(&self.stream.nonce(counter, last), &self.header);
        let promise = subtle().ok()?.decrypt_with_object_and_u8_array(&params, &self.key, sealed).ok()?;
        JsFuture::from(promise).await.ok().map(bytes_of)
    }
}

/// The zip inside an encrypted backup file of envelope version 1 or 2 (sealed whole);
/// [`BackupError::WrongPassphrase`] when GCM refuses it (a wrong passphrase, or a changed file:
/// GCM cannot tell which).
pub async fn decrypt_whole(file: &[u8], passphrase: &str) -> Result<Vec<u8>, BackupError> {
    let (envelope, sealed) = Envelope::open(file)?;
    let failed = |_| BackupError::Damaged("the browser could not run the decryption".into());
    let key = derive_key(passphrase, envelope.iterations, &envelope.salt).await.map_err(failed)?;
    let params = gcm(&envelope.nonce, &envelope.header());
    let promise = subtle().map_err(failed)?.decrypt_with_object_and_u8_array(&params, &key, sealed);
    match promise {
        Ok(promise) => JsFuture::from(promise).await.map(bytes_of).map_err(|_| BackupError::WrongPassphrase),
        Err(_) => Err(BackupError::WrongPassphrase),
    }
}
