#pragma once
// The simulated card provider (seed 004: payments are imitated). Stripe's well-known test numbers
// decide the outcome: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 declined; a few more
// give specific declines. Any other number that passes the Luhn check is approved.

#include <optional>
#include <string>

namespace sbor::payments {

struct CardDecision {
    bool approved = false;
    std::string declineCode; // card_declined | insufficient_funds | expired_card | incorrect_cvc
    std::string last4;
};

// Digits only, spaces and dashes allowed between groups; nullopt names the problem.
std::optional<std::string> cardNumberProblem(const std::string& cardNumber);
// Only for numbers without a problem.
CardDecision decideCard(const std::string& cardNumber);

} // namespace sbor::payments
