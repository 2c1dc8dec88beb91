#include "idempotency/idempotentreply.h"

namespace sbor {

http::Reply replyOncePerIdempotencyKey(IdempotencyStore& store, http::HttpRequest& request,
                                       const std::function<http::HttpResponse(http::HttpRequest&)>& handle,
                                       const std::optional<std::string>& identifyingBody)
{
    const std::string* key = request.headers.find("idempotency-key");
    if (!key)
        return handle(request);
    if (!IdempotencyStore::isAcceptableKey(*key))
        return invalidField("Idempotency-Key", "is not valid",
                            "Idempotency-Key must be 1 to 255 visible ASCII characters");
    const std::string& owner = request.principal->userId;
    const auto claim = store.begin(
        owner, *key,
        IdempotencyStore::fingerprint(request.method, request.path, identifyingBody.value_or(request.body)));
    switch (claim.outcome) {
    case IdempotencyStore::Outcome::Replay: {
        http::HttpResponse replay = http::HttpResponse::text(claim.status, claim.body,
                                                             "application/json; charset=utf-8");
        replay.headers.set("Idempotent-Replayed", "true");
        return replay;
    }
    case IdempotencyStore::Outcome::InUse:
        return Error(ErrorCode::IdempotencyKeyInUse,
                     "a request with this Idempotency-Key is still running; retry when it has finished",
                     {{"retry_after_seconds", 1}});
    case IdempotencyStore::Outcome::Reused:
        return Error(ErrorCode::IdempotencyKeyReused, "this Idempotency-Key was used with a different request");
    case IdempotencyStore::Outcome::Proceed:
        break;
    }
    // An exception (say, the connection lost during COMMIT) leaves the key "running": the write
    // may have happened, so a retry must not repeat it at once; after a while the key may be reused.
    http::HttpResponse response;
    try {
        response = handle(request);
    } catch (const ErrorException& e) {
        // A write conflict rolled everything back: the retry it invites must be able to run.
        if (e.error().code == ErrorCode::WriteConflict)
            store.abandon(owner, *key);
        throw;
    }
    if (response.status >= 500)
        store.abandon(owner, *key); // answered before anything was stored: let the retry run
    else
        store.finish(owner, *key, response.status, response.body);
    return response;
}

} // namespace sbor
