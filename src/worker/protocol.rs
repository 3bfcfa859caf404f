//! The messages between the photos page and its photo worker: typed, versioned, and the same
//! types on both sides (the page's `ui/platform/photo_worker.rs`, the worker's `jobs.rs`).
//!
//! # On the wire
//! A message is a JS array: first an [`Envelope`] in `postcard`'s compact bytes ([`encode`],
//! [`decode`]), so `[2, 3, 0, 0]` is version 2, job 3, ingest with the auto engine, then its
//! attachments, which serde cannot carry:
//! - [`Request::Ingest`]: the file, a `Blob`;
//! - [`Reply::Ingested`]: the working copy, then the thumbnail (`ArrayBuffer`s, transferred
//!   rather than copied);
//! - [`Request::WriteFile`]: the parts to append, in order (`ArrayBuffer`s or `Uint8Array`s);
//! - every other message: none.
//!
//! Why postcard (measured, brotli, in the photos app, which counts the worker): the same enums
//! through `serde-wasm-bindgen` as JS objects added 10.4 KB to the worker and 2.2 KB to the
//! page; as JSON text through `serde_json`, 12.4 KB and 5.1 KB; through `postcard`, 0.3 KB and
//! 1.1 KB, against the dozen `Reflect` string keys they replace. Postcard is not self-describing,
//! so serde never buffers a whole message to guess its shape: that buffering was the cost.
//!
//! # Versions
//! Every envelope carries [`VERSION`]. The page and the worker are built together, but the
//! service worker updates the photos app's files one by one, so a page can meet a worker from
//! another build: the version is read first ([`decode`]), and a mismatch is refused with a sentence
//! for the client instead of being misread. Change [`VERSION`] whenever a message changes shape.
//! A variant added at the end changes no message's shape: a worker without it refuses it as
//! unreadable, naming its job, and the page does without (the file requests came so).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The protocol's version: bump it whenever a message changes shape.
pub const VERSION: u32 = 2;

/// Said when the page and the worker come from different builds.
pub const OTHER_VERSION: &str =
    "The photo processor is from another version of the app. Reload the page and try again.";

/// Said when a message cannot be read at all.
pub const UNREADABLE: &str =
    "The photo processor and this page could not understand each other. Reload the page and try again.";

/// One message: its protocol version, the job it belongs to (0 for [`Reply::Ready`]), and what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub v: u32,
    pub id: u32,
    pub body: T,
}

impl<T> Envelope<T> {
    /// A message of this version.
    pub fn new(id: u32, body: T) -> Envelope<T> {
        Envelope { v: VERSION, id, body }
    }
}

/// Which decoder a job may use (the ingest benchmark asks for each in turn).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// The browser's decoder where it can, the `image` crate otherwise.
    #[default]
    Auto,
    /// The `image` crate.
    Image,
    /// The browser's decoder, or a failure.
    Browser,
}

/// Page → worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Request {
    /// Make the working copy and thumbnail of the attached file.
    Ingest { engine: Engine },
    /// Open the file `name`, in the folders `path` of the origin-private file system, emptied,
    /// for writing through a synchronous access handle (workers only have one: no swap file, so
    /// a large backup is written several times faster than by a page's `createWritable`).
    OpenFile { path: Vec<String>, name: String },
    /// Append the attached parts to the open file.
    WriteFile,
    /// Close the open file; the worker then ends.
    CloseFile,
    /// Empty and close the open file (a backup that stopped); the worker then ends.
    AbortFile,
}

/// Worker → page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reply {
    /// Sent once, when the worker's wasm is running: messages posted before it would be lost.
    Ready,
    /// The attached copies, and what the page needs to store them.
    Ingested(IngestedPhoto),
    /// The job could not be done: the sentence for the client.
    Failed { message: String },
    /// The file asked for is open, or written to this many bytes, or closed at this size.
    File { bytes: u64 },
}

/// A photo's copies as made by the worker (the bytes themselves travel as attachments).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IngestedPhoto {
    pub width: u32,
    pub height: u32,
    pub thumb_width: u32,
    pub thumb_height: u32,
    /// EXIF DateTimeOriginal (`YYYY-MM-DDTHH:MM`), if the file had one.
    pub taken_at: Option<String>,
    /// Which decoder did the work: `Image` or `Browser`, never `Auto`.
    pub engine: Engine,
    /// The CRC-32 of the working copy's and the thumbnail's bytes, summed here where the bytes
    /// are made, and stored beside them: a backup then never sums them on the page (version 2).
    pub working_crc32: u32,
    pub thumb_crc32: u32,
}

/// Why a message was not read, with the job it belonged to when that much could be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub id: Option<u32>,
    pub message: &'static str,
}

/// The part every version shares, at the front of every message: read before the rest, so
/// another version's message is recognised as such rather than misread.
#[derive(Deserialize)]
struct Head {
    v: u32,
    id: u32,
}

/// A message as sent: postcard bytes.
pub fn encode<T: Serialize>(message: &Envelope<T>) -> Vec<u8> {
    // Only plain structs, enums, strings and numbers: serialising them cannot fail.
    postcard::to_allocvec(message).unwrap_or_default()
}

/// Reads a message, version first, so that another version's message is refused as such.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<Envelope<T>, Refused> {
    let head: Head = postcard::from_bytes(bytes).map_err(|_| Refused { id: None, message: UNREADABLE })?;
    if head.v != VERSION {
        return Err(Refused { id: Some(head.id), message: OTHER_VERSION });
    }
    postcard::from_bytes(bytes).map_err(|_| Refused { id: Some(head.id), message: UNREADABLE })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Serialize + DeserializeOwned>(message: &Envelope<T>) -> Result<Envelope<T>, Refused> {
        decode(&encode(message))
    }

    fn photo(taken_at: Option<&str>, engine: Engine) -> IngestedPhoto {
        IngestedPhoto {
            width: 2048,
            height: u32::MAX,
            thumb_width: 256,
            thumb_height: 1,
            taken_at: taken_at.map(String::from),
            engine,
            working_crc32: u32::MAX,
            thumb_crc32: 0,
        }
    }

    #[test]
    fn every_request_round_trips() {
        for engine in [Engine::Auto, Engine::Image, Engine::Browser] {
            for id in [0, 1, 127, 128, u32::MAX] {
                let message = Envelope::new(id, Request::Ingest { engine });
                assert_eq!(round_trip(&message), Ok(message));
            }
        }
        let path = vec!["backup".to_string(), "00ff12ab34cd56ef".to_string()];
        for body in [
            Request::OpenFile { path, name: "remodel-2026-12-06 « é ».remodel".into() },
            Request::OpenFile { path: Vec::new(), name: String::new() },
            Request::WriteFile,
            Request::CloseFile,
            Request::AbortFile,
        ] {
            let message = Envelope::new(7, body);
            assert_eq!(round_trip(&message), Ok(message));
        }
    }

    #[test]
    fn every_reply_round_trips() {
        let replies = [
            Envelope::new(0, Reply::Ready),
            Envelope::new(3, Reply::Ingested(photo(Some("2026-11-20T09:30"), Engine::Browser))),
            Envelope::new(4, Reply::Ingested(photo(None, Engine::Image))),
            Envelope::new(5, Reply::Failed { message: "This file isn't a photo — « é » 📷.".into() }),
            Envelope::new(6, Reply::Failed { message: String::new() }),
            Envelope::new(7, Reply::File { bytes: 0 }),
            Envelope::new(8, Reply::File { bytes: 2_050_000_000_000 }),
        ];
        for message in replies {
            assert_eq!(round_trip(&message), Ok(message));
        }
    }

    #[test]
    fn the_wire_shape_is_the_documented_one() {
        // Version, id, then the variant's index and fields (postcard: varints and indexes). The
        // ingest benchmark writes and reads these bytes itself.
        assert_eq!(encode(&Envelope::new(3, Request::Ingest { engine: Engine::Auto })), [2, 3, 0, 0]);
        assert_eq!(encode(&Envelope::new(200, Request::Ingest { engine: Engine::Image })), [2, 200, 1, 0, 1]);
        assert_eq!(encode(&Envelope::new(0, Reply::Ready)), [2, 0, 0]);
        assert_eq!(
            encode(&Envelope::new(2, Reply::Failed { message: "No".into() })),
            [2, 2, 2, 2, b'N', b'o']
        );
        let ingested = encode(&Envelope::new(
            1,
            Reply::Ingested(IngestedPhoto {
                width: 4,
                height: 3,
                thumb_width: 2,
                thumb_height: 1,
                taken_at: None,
                engine: Engine::Browser,
                working_crc32: 300,
                thumb_crc32: 5,
            }),
        ));
        assert_eq!(ingested, [2, 1, 1, 4, 3, 2, 1, 0, 2, 0xAC, 0x02, 5]);
        // The file requests and reply came after: the earlier variants' indexes did not move.
        assert_eq!(
            encode(&Envelope::new(5, Request::OpenFile { path: vec!["b".into()], name: "f".into() })),
            [2, 5, 1, 1, 1, b'b', 1, b'f']
        );
        assert_eq!(encode(&Envelope::new(5, Request::WriteFile)), [2, 5, 2]);
        assert_eq!(encode(&Envelope::new(5, Request::CloseFile)), [2, 5, 3]);
        assert_eq!(encode(&Envelope::new(5, Request::AbortFile)), [2, 5, 4]);
        assert_eq!(encode(&Envelope::new(5, Reply::File { bytes: 300 })), [2, 5, 3, 0xAC, 0x02]);
    }

    #[test]
    fn another_version_is_refused_with_its_job() {
        // A later version may add fields or variants: only its version and id are read.
        assert_eq!(
            decode::<Request>(&[3, 9, 5, 77, 1]),
            Err(Refused { id: Some(9), message: OTHER_VERSION })
        );
        assert_eq!(decode::<Reply>(&[0, 2]), Err(Refused { id: Some(2), message: OTHER_VERSION }));
    }

    #[test]
    fn unreadable_messages_are_refused() {
        for bytes in [&[][..], &[2], &[0x80, 0x80, 0x80, 0x80, 0x80, 0x80]] {
            assert_eq!(decode::<Request>(bytes), Err(Refused { id: None, message: UNREADABLE }), "{bytes:?}");
        }
        // The job can be read, so the refusal names it and the page can answer that job.
        for bytes in [&[2, 4][..], &[2, 4, 9], &[2, 4, 0, 3], &[2, 4, 0]] {
            assert_eq!(
                decode::<Request>(bytes),
                Err(Refused { id: Some(4), message: UNREADABLE }),
                "{bytes:?}"
            );
        }
        // A reply cut short, or a message with invalid UTF-8.
        let mut cut =
            encode(&Envelope::new(4, Reply::Ingested(photo(Some("2026-11-20T09:30"), Engine::Image))));
        cut.truncate(cut.len() - 3);
        assert_eq!(decode::<Reply>(&cut), Err(Refused { id: Some(4), message: UNREADABLE }));
        assert_eq!(
            decode::<Reply>(&[2, 4, 2, 2, 0xff, 0xfe]),
            Err(Refused { id: Some(4), message: UNREADABLE })
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever arrives, reading it never panics: a message, or a refusal.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let _ = decode::<Request>(&bytes);
            let _ = decode::<Reply>(&bytes);
        }
    }
}
