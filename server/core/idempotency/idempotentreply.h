#pragma once
// The HTTP side of Idempotency-Key, one way for every service: a request without the header runs
// as it is; with it, the first answer is stored and replayed (Idempotent-Replayed: true), a second
// request while the first runs gets 409, the same key on another request 422.

#include "idempotency/idempotencystore.h"
#include "http/httptypes.h"

#include <functional>
#include <optional>
#include <string>

namespace sbor {

// `identifyingBody`: what of the body identifies the request, when the body itself must not be
// hashed into storage (a card number would be recoverable from an unkeyed hash); default: it.
http::Reply replyOncePerIdempotencyKey(IdempotencyStore& store, http::HttpRequest& request,
                                       const std::function<http::HttpResponse(http::HttpRequest&)>& handle,
                                       const std::optional<std::string>& identifyingBody = std::nullopt);

} // namespace sbor
