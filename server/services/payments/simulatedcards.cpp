#include "simulatedcards.h"

#include <map>

namespace sbor::payments {
namespace {

std::string digitsOf(const std::string& cardNumber)
{
    std::string digits;
    for (const char c : cardNumber) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    }
    return digits;
}

bool passesLuhn(const std::string& digits)
{
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int digit = *it - '0';
        if (doubled && (digit *= 2) > 9)
            digit -= 9;
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

} // namespace

std::optional<std::string> cardNumberProblem(const std::string& cardNumber)
{
    for (const char c : cardNumber) {
        if (!((c >= '0' && c <= '9') || c == ' ' || c == '-'))
            return "may contain only digits, spaces and dashes";
    }
    const std::string digits = digitsOf(cardNumber);
    if (digits.size() < 12 || digits.size() > 19)
        return "must have 12 to 19 digits";
    if (!passesLuhn(digits))
        return "is not a valid card number (check digit)";
    return std::nullopt;
}

CardDecision decideCard(const std::string& cardNumber)
{
    static const std::map<std::string, std::string> declines = {{"4000000000000002", "card_declined"},
                                                                {"4000000000009995", "insufficient_funds"},
                                                                {"4000000000000069", "expired_card"},
                                                                {"4000000000000127", "incorrect_cvc"}};
    const std::string digits = digitsOf(cardNumber);
    CardDecision decision;
    decision.last4 = digits.substr(digits.size() - 4);
    const auto declined = declines.find(digits);
    decision.approved = declined == declines.end();
    if (!decision.approved)
        decision.declineCode = declined->second;
    return decision;
}

} // namespace sbor::payments
