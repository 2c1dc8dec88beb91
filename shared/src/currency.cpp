#include "sbor/currency.h"

#include <algorithm>
#include <array>

namespace sbor {

bool isKnownCurrency(std::string_view code)
{
    static constexpr std::array<std::string_view, 40> kCodes = {
        "AED", "AMD", "AUD", "AZN", "BRL", "BYN", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "GEL",
        "HKD", "HUF", "IDR", "ILS", "INR", "JPY", "KGS", "KRW", "KZT", "MXN", "NOK", "NZD", "PLN", "RON",
        "RSD", "RUB", "SEK", "SGD", "THB", "TJS", "TRY", "UAH", "USD", "UZS", "VND", "ZAR"};
    return std::find(kCodes.begin(), kCodes.end(), code) != kCodes.end();
}

} // namespace sbor
