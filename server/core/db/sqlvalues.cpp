#include "db/sqlvalues.h"

namespace sbor::db {

std::vector<std::string> textArray(const pqxx::field& field)
{
    std::vector<std::string> items;
    auto parser = field.as_array();
    for (auto item = parser.get_next(); item.first != pqxx::array_parser::done; item = parser.get_next()) {
        if (item.first == pqxx::array_parser::string_value)
            items.push_back(item.second);
    }
    return items;
}

std::string arrayLiteral(const std::vector<std::string>& items)
{
    std::string literal = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        literal += i ? ",\"" : "\"";
        for (char c : items[i]) {
            if (c == '"' || c == '\\')
                literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    return literal + "}";
}

} // namespace sbor::db
