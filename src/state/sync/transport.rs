//! Sends the replicator's requests with the browser's `fetch`, to the
//! database's address only. The user name and password go in the
//! `Authorization` header and nowhere else: never in the URL, and no
//! browser-kept credentials or cookies are sent.

use crate::sync::{Credentials, DatabaseAddress, Method, NoAnswer, Reply, Request, Response};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCache, RequestCredentials, RequestInit};

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
    let window = web_sys::window().ok_or(NoAnswer)?;
    let headers = Headers::new().map_err(|_| NoAnswer)?;
    headers
        .set("Accept", "application/json")
        .and_then(|_| headers.set("Authorization", &credentials.authorization()))
        .map_err(|_| NoAnswer)?;
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    if let Some(body) = &request.body {
        headers
            .set("Content-Type", "application/json")
            .map_err(|_| NoAnswer)?;
        init.set_body(&body.to_string().into());
    }
    init.set_headers(&headers);
    let abort = AbortController::new().map_err(|_| NoAnswer)?;
    init.set_signal(Some(&abort.signal()));
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
            .map_err(|_| NoAnswer)?
            .dyn_into()
            .map_err(|_| NoAnswer)?;
        let text = JsFuture::from(response.text().map_err(|_| NoAnswer)?)
            .await
            .map_err(|_| NoAnswer)?
            .as_string()
            .unwrap_or_default();
        Ok(Response {
            status: response.status(),
            body: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        })
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    answer
}
