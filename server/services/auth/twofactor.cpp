#include "twofactor.h"

#include "sbor/rfc3339.h"

#include "accounts.h"
#include "opaquetokens.h"
#include "totp.h"

namespace sbor::auth {
namespace {

bool isSixDigits(const std::string& code)
{
    return code.size() == 6 && code.find_first_not_of("0123456789") == std::string::npos;
}

Error wrongCode() { return Error(ErrorCode::InvalidOtp, "the code is not valid (or was used already)"); }

} // namespace

bool acceptSecondFactor(UserRepository& users, const StoredUser& user, const std::string& code)
{
    if (!user.totpSecret)
        return false;
    if (isSixDigits(code)) {
        const auto secret = base32Decode(*user.totpSecret);
        if (!secret)
            return false;
        const auto step = verifyTotp(*secret, code, unixNowSeconds(), user.totpLastStep);
        return step && users.claimTotpStep(user.user.id, *step);
    }
    const std::string normalized = normalizeRecoveryCode(code);
    return normalized.size() == 12 && users.useRecoveryCode(user.user.id, sha256Hex(normalized));
}

Result<TotpSetup> TwoFactor::setup(const access::Principal& caller, const std::string& password,
                                   const CallContext& call)
{
    auto confirmed = confirmPassword(m_deps, caller.userId, password, call);
    if (!confirmed)
        return confirmed.error();
    if (confirmed->totpSecret)
        return Error(ErrorCode::Conflict, "two-factor authentication is already on; disable it first");
    const auto secret = newTotpSecret();
    const std::string encoded = base32Encode(secret);
    m_deps.database.transact(
        [&](db::Transaction& tx) { UserRepository(tx).setPendingTotpSecret(caller.userId, encoded); });
    return TotpSetup{encoded, otpauthUri("Sbor", confirmed->user.email, secret)};
}

Result<TotpEnabled> TwoFactor::enable(const access::Principal& caller, const std::string& code, bool endOthers,
                                      const CallContext& call)
{
    return m_deps.database.transact([&](db::Transaction& tx) -> Result<TotpEnabled> {
        UserRepository users(tx);
        auto stored = users.findById(caller.userId, true);
        if (!stored || stored->user.status == "deleted")
            return Error(ErrorCode::Unauthorized, "this account no longer exists");
        if (stored->totpSecret)
            return Error(ErrorCode::Conflict, "two-factor authentication is already on");
        if (!stored->totpPendingSecret)
            return Error(ErrorCode::Conflict, "call POST /api/v1/auth/2fa/setup first");
        const auto secret = base32Decode(*stored->totpPendingSecret);
        const auto step = secret && isSixDigits(code) ? verifyTotp(*secret, code, unixNowSeconds()) : std::nullopt;
        if (!step)
            return wrongCode();
        users.enableTotp(caller.userId, *step);
        TotpEnabled enabled;
        enabled.recoveryCodes = newRecoveryCodes();
        std::vector<std::string> hashes;
        for (const auto& recovery : enabled.recoveryCodes)
            hashes.push_back(sha256Hex(normalizeRecoveryCode(recovery)));
        users.replaceRecoveryCodes(caller.userId, hashes);
        enabled.endedSessions = endOthers
            ? endOtherSessions(m_deps, tx, caller.userId, caller.sessionId, "two_factor_enabled")
            : 0;
        users.audit(caller.userId, "user.two_factor_enabled", caller.userId,
                    {{"ended_sessions", enabled.endedSessions}}, call.traceId);
        return enabled;
    });
}

Result<int> TwoFactor::disable(const access::Principal& caller, const std::string& password, const std::string& code,
                               bool endOthers, const CallContext& call)
{
    auto confirmed = confirmPassword(m_deps, caller.userId, password, call);
    if (!confirmed)
        return confirmed.error();
    if (!confirmed->totpSecret)
        return Error(ErrorCode::Conflict, "two-factor authentication is not on");
    return m_deps.database.transact([&](db::Transaction& tx) -> Result<int> {
        UserRepository users(tx);
        auto stored = users.findById(caller.userId, true);
        if (!stored || !stored->totpSecret)
            return Error(ErrorCode::Conflict, "two-factor authentication is not on");
        if (!acceptSecondFactor(users, *stored, code))
            return wrongCode();
        users.disableTotp(caller.userId);
        const int ended = endOthers
            ? endOtherSessions(m_deps, tx, caller.userId, caller.sessionId, "two_factor_disabled")
            : 0;
        users.audit(caller.userId, "user.two_factor_disabled", caller.userId, {{"ended_sessions", ended}},
                    call.traceId);
        return ended;
    });
}

} // namespace sbor::auth
