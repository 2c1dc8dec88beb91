#pragma once
// A page of the console: it fetches what it shows when first shown and on F5.

#include <QWidget>

namespace sbor::admin {

class ConsolePage : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual void reload() = 0;
    // Ctrl+F: the page's search field, if it has one.
    virtual void focusSearch() {}
};

} // namespace sbor::admin
