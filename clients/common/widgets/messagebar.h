#pragma once
// A message above a form or a page, KeePassXC's way: one line of what happened and what to do,
// coloured by how serious it is, with at most one action and a close button — instead of a stack
// of dialogs. Hidden until shown; showing again replaces the message.

#include <QFrame>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace sbor::widgets {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Information, Positive, Warning, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    // `actionText` and `action`: one button beside the text (empty: none).
    void showMessage(Kind kind, const QString& text, const QString& actionText = {}, std::function<void()> action = {});
    void hideMessage();
    QString text() const;
    Kind kind() const { return m_kind; }
    // Whether it may be closed by the person (a banner about the connection may not).
    void setClosable(bool closable);

private:
    QLabel* m_text;
    QPushButton* m_action;
    QToolButton* m_close;
    std::function<void()> m_onAction;
    Kind m_kind = Kind::Information;
};

} // namespace sbor::widgets
