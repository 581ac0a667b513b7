// Preloaded into PouchDB Server (`node --require`, see couch.mjs) so that its
// longpoll changes feed honours `timeout` as CouchDB does. PouchDB Server 4.2.0
// ignores it (its issue #74) and holds `_changes?feed=longpoll` open until the
// next change, however long that takes; CouchDB answers after `timeout` ms with
// no results and the current sequence. With this, tests and the demo see the
// behaviour the app meets in deployment.
//
// It wraps the route module express-pouchdb loads for `_changes`: before that
// route runs, a handler of its own starts a timer and, when it fires, closes
// the JSON the route has begun (`{"results":[`) and ends the response; anything
// the route writes afterwards is dropped. The route's own change listener is
// released at the database's next change, as it would be without this.
"use strict";

const Module = require("node:module");
const { sep } = require("node:path");

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  const fromExpressPouchdb = parent?.filename?.includes(`${sep}express-pouchdb${sep}lib${sep}`);
  if (request === "./routes/changes" && fromExpressPouchdb && typeof loaded === "function") {
    return function changesWithTimeout(app) {
      app.get("/:db/_changes", honourTimeout);
      app.post("/:db/_changes", honourTimeout);
      return loaded(app);
    };
  }
  return loaded;
};

function honourTimeout(req, res, next) {
  const timeout = Number(req.query.timeout);
  if (req.query.feed !== "longpoll" || !(timeout > 0)) {
    next();
    return;
  }
  const write = res.write;
  const end = res.end;
  let begun = false;
  let finished = false;
  res.write = function (chunk, ...rest) {
    if (finished) return true;
    if (!begun && String(chunk).includes('{"results":[')) begun = true;
    return write.call(this, chunk, ...rest);
  };
  res.end = function (...args) {
    if (finished) return this;
    finished = true;
    clearTimeout(timer);
    return end.apply(this, args);
  };
  const timer = setTimeout(async () => {
    let seq = req.query.since ?? 0;
    try {
      seq = (await req.db.info()).update_seq;
    } catch {
      // The sequence the client asked from is as good an answer.
    }
    if (finished || res.destroyed) return;
    const lastSeq = JSON.stringify(seq);
    write.call(res, begun ? `],\n"last_seq":${lastSeq}}\n` : `{"results":[],"last_seq":${lastSeq}}\n`);
    finished = true;
    end.call(res);
  }, timeout);
  res.on("close", () => clearTimeout(timer));
  next();
}
