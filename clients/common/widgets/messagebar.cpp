#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace sbor::widgets {
namespace {

struct Palette {
    const char* background;
    const char* border;
    const char* text;
};

// Light tints with dark text: readable in light and dark desktop themes alike.
Palette paletteOf(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Positive:
        return {"#e6f4ea", "#34a853", "#0d3d1a"};
    case MessageBar::Kind::Warning:
        return {"#fff4e0", "#f29900", "#4d3000"};
    case MessageBar::Kind::Error:
        return {"#fce8e6", "#d93025", "#5c0f0a"};
    case MessageBar::Kind::Information:
        break;
    }
    return {"#e8f0fe", "#1a73e8", "#0b2a5c"};
}

} // namespace

MessageBar::MessageBar(QWidget* parent) : QFrame(parent)
{
    setObjectName("messageBar");
    m_text = new QLabel(this);
    m_text->setObjectName("messageBarText");
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action = new QPushButton(this);
    m_action->setObjectName("messageBarAction");
    m_action->hide();
    m_close = new QToolButton(this);
    m_close->setObjectName("messageBarClose");
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Close"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_onAction)
            m_onAction();
    });
    connect(m_close, &QToolButton::clicked, this, &MessageBar::hideMessage);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString& text, const QString& actionText, std::function<void()> action)
{
    m_kind = kind;
    const Palette colours = paletteOf(kind);
    // By class, not by object name: pages name their bars (tests find them) and keep the colours.
    setStyleSheet(QString("sbor--widgets--MessageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                          "sbor--widgets--MessageBar QLabel { color: %3; }")
                      .arg(colours.background, colours.border, colours.text));
    m_text->setText(text);
    m_onAction = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty() && m_onAction);
    show();
}

void MessageBar::hideMessage()
{
    m_onAction = nullptr;
    hide();
}

QString MessageBar::text() const { return isVisible() ? m_text->text() : QString(); }

void MessageBar::setClosable(bool closable) { m_close->setVisible(closable); }

} // namespace sbor::widgets
