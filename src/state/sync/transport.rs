//! Sends the replicator's requests with the browser's `fetch`, to the
//! database's address only. The user name and password go in the
//! `Authorization` header and nowhere else: never in the URL, and no
//! browser-kept credentials or cookies are sent. The server is not trusted
//! with more than storage: a redirect is refused, not followed, and an answer
//! is read only up to [`MAX_ANSWER_BYTES`].

use crate::sync::{
    Credentials, DatabaseAddress, MAX_ANSWER_BYTES, Method, NoAnswer, Reply, Request, Response,
};
use js_sys::Uint8Array;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestCache,
    RequestCredentials, RequestInit, RequestRedirect, ResponseType,
};

/// How long the server may keep a pull's feed open before answering empty.
pub const LONGPOLL_WAIT_MS: u64 = 25_000;
/// A request that takes longer than this (beyond a longpoll's wait) has no answer.
const ANSWER_WITHIN: Duration = Duration::from_secs(30);

/// Sends `request` and reads its JSON answer; `NoAnswer` when the network,
/// the server or the time limit failed it.
pub async fn send(
    address: &DatabaseAddress,
    credentials: &Credentials,
    request: &Request,
) -> Reply {
    const NONE: NoAnswer = NoAnswer::Unreachable;
    let window = web_sys::window().ok_or(NONE)?;
    let headers = Headers::new().map_err(|_| NONE)?;
    headers
        .set("Accept", "application/json")
        .and_then(|_| headers.set("Authorization", &credentials.authorization()))
        .map_err(|_| NONE)?;
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    // "manual" hands a redirect back unopened, so it can be told apart from a
    // network failure and named.
    init.set_redirect(RequestRedirect::Manual);
    if let Some(body) = &request.body {
        headers
            .set("Content-Type", "application/json")
            .map_err(|_| NONE)?;
        init.set_body(&body.to_string().into());
    }
    init.set_headers(&headers);
    let abort = AbortController::new().map_err(|_| NONE)?;
    init.set_signal(Some(&abort.signal()));
    let stop = abort.clone();
    let waits = request.method == Method::Get
        && request
            .query
            .iter()
            .any(|(n, v)| *n == "feed" && v == "longpoll");
    let limit = ANSWER_WITHIN
        + if waits {
            Duration::from_millis(LONGPOLL_WAIT_MS)
        } else {
            Duration::ZERO
        };
    let timer = leptos::prelude::set_timeout_with_handle(move || abort.abort(), limit).ok();

    let answer = async {
        let promise = window.fetch_with_str_and_init(&address.url(request), &init);
        let response: web_sys::Response = JsFuture::from(promise)
            .await
            .map_err(|_| NONE)?
            .dyn_into()
            .map_err(|_| NONE)?;
        if response.type_() == ResponseType::Opaqueredirect || response.redirected() {
            return Err(NoAnswer::Redirected);
        }
        let declared = response
            .headers()
            .get("Content-Length")
            .ok()
            .flatten()
            .and_then(|length| length.parse::<usize>().ok());
        if declared.is_some_and(|length| length > MAX_ANSWER_BYTES) {
            return Err(NoAnswer::TooLarge);
        }
        let bytes = read_at_most(&response, MAX_ANSWER_BYTES).await?;
        Ok(Response {
            status: response.status(),
            body: serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
        })
    }
    .await;
    if answer == Err(NoAnswer::TooLarge) {
        // Stops the download of the rest, which nothing will read.
        stop.abort();
    }
    if let Some(timer) = timer {
        timer.clear();
    }
    answer
}

/// The body of `response`, read chunk by chunk; `TooLarge` as soon as it
/// passes `limit` bytes, whatever the headers said.
async fn read_at_most(response: &web_sys::Response, limit: usize) -> Result<Vec<u8>, NoAnswer> {
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk: ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| NoAnswer::Unreachable)?
            .unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let chunk: Uint8Array = chunk.get_value().unchecked_into();
        if bytes.len() + chunk.length() as usize > limit {
            let _ = reader.cancel();
            return Err(NoAnswer::TooLarge);
        }
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}
