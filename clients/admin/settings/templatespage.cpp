#include "templatespage.h"

#include "app/stepup.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace sbor::admin {
namespace {

// What each notification is, in the list: people know them by what they do, not by their names.
QString describe(const std::string& name)
{
    static const std::map<std::string, const char*> kinds = {
        {"ticket", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "The ticket (to each attendee)")},
        {"ticket.purchased", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Order confirmed")},
        {"ticket.checkin", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Checked in")},
        {"event.cancelled", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Event cancelled")},
        {"event.reminder", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Event reminder")},
        {"order.updated.expired", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Order expired unpaid")},
        {"order.updated.cancelled", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Order cancelled")},
        {"order.updated.refunded", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Order refunded")},
        {"refund.issued", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Refund issued")},
        {"event.team_member_added.co_organizer",
         QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Added as co-organizer")},
        {"event.team_member_added.door", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Added to the door team")},
        {"support.request_updated.opened",
         QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Support: request received")},
        {"support.request_updated.answered", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Support: answered")},
        {"support.request_updated.pending_customer",
         QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Support: waiting for the person")},
        {"support.request_updated.resolved", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Support: resolved")},
        {"support.request_updated.closed", QT_TRANSLATE_NOOP("sbor::admin::TemplatesPage", "Support: closed")},
    };
    const auto found = kinds.find(name);
    return found == kinds.end() ? QString::fromStdString(name) : TemplatesPage::tr(found->second);
}

QString renderedHtml(const wire::TemplateText& text)
{
    return QStringLiteral("<p><b>%1</b></p><p style='color:#555'>%2</p><hr><p>%3</p>")
        .arg(QString::fromStdString(text.subject).toHtmlEscaped(),
             QString::fromStdString(text.shortText).toHtmlEscaped(),
             QString::fromStdString(text.body).toHtmlEscaped().replace("\n", "<br>"));
}

} // namespace

void TemplatesPage::resizeEvent(QResizeEvent* event)
{
    ConsolePage::resizeEvent(event);
    m_languages->setOrientation(width() >= 1100 ? Qt::Horizontal : Qt::Vertical);
}

TemplatesPage::TemplatesPage(desktop::AccountSession& session, QWidget* parent)
    : ConsolePage(parent), m_session(session)
{
    setObjectName("templatesPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("templatesMessage");
    m_list = new QListWidget(this);
    m_list->setObjectName("templateList");
    m_list->setMinimumWidth(200);
    m_list->setMaximumWidth(320);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_placeholders = new QLabel(this);
    m_placeholders->setObjectName("templatePlaceholders");
    m_placeholders->setWordWrap(true);
    m_placeholders->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Side by side where there is room, one above the other where there is not: both languages
    // and their previews stay in sight either way.
    m_languages = new QSplitter(Qt::Horizontal, this);
    m_languages->setObjectName("templateLanguages");
    m_languages->setChildrenCollapsible(false);
    m_languages->addWidget(makeEditor("en", tr("English")));
    m_languages->addWidget(makeEditor("ru", tr("Russian")));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_placeholders);
    rightLayout->addWidget(m_languages, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < static_cast<int>(m_templates.size()))
            showTemplate(m_templates[row]);
    });
}

QWidget* TemplatesPage::makeEditor(const QString& language, const QString& title)
{
    auto* box = new QGroupBox(title, this);
    Editor editor;
    editor.subject = new QLineEdit(box);
    editor.subject->setObjectName("templateSubject_" + language);
    editor.shortText = new QLineEdit(box);
    editor.shortText->setObjectName("templateShort_" + language);
    editor.body = new QPlainTextEdit(box);
    editor.body->setObjectName("templateBody_" + language);
    editor.preview = new QTextBrowser(box);
    editor.preview->setObjectName("templatePreview_" + language);
    editor.state = new QLabel(box);
    editor.state->setObjectName("templateState_" + language);
    editor.state->setWordWrap(true);
    editor.save = new QPushButton(tr("Save"), box);
    editor.save->setObjectName("templateSave_" + language);
    editor.reset = new QPushButton(tr("Built-in text"), box);
    editor.reset->setObjectName("templateReset_" + language);
    editor.reset->setToolTip(tr("Go back to the text Sbor ships with"));
    editor.test = new QPushButton(tr("Send me a test"), box);
    editor.test->setObjectName("templateTest_" + language);
    editor.typing = new QTimer(box);
    editor.typing->setSingleShot(true);
    editor.typing->setInterval(400);
    auto* form = new QFormLayout;
    form->addRow(tr("Subject:"), editor.subject);
    form->addRow(tr("In-app text:"), editor.shortText);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(editor.test);
    buttons->addWidget(editor.reset);
    buttons->addWidget(editor.save);
    auto* previewTitle = new QLabel(tr("Preview with sample data:"), box);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(editor.body, 3);
    layout->addWidget(previewTitle);
    layout->addWidget(editor.preview, 2);
    layout->addWidget(editor.state);
    layout->addLayout(buttons);
    for (QLineEdit* field : {editor.subject, editor.shortText})
        connect(field, &QLineEdit::textEdited, editor.typing, qOverload<>(&QTimer::start));
    connect(editor.body, &QPlainTextEdit::textChanged, this, [this, timer = editor.typing] {
        if (!m_filling)
            timer->start();
    });
    connect(editor.typing, &QTimer::timeout, this, [this, language] { preview(language); });
    connect(editor.save, &QPushButton::clicked, this, [this, language] { save(language); });
    connect(editor.reset, &QPushButton::clicked, this, [this, language] { reset(language); });
    connect(editor.test, &QPushButton::clicked, this, [this, language] { sendTest(language); });
    m_editors[language] = editor;
    return box;
}

void TemplatesPage::reload()
{
    m_session.api().notificationTemplates().then(
        this, [this](client::ApiResult<std::vector<wire::NotificationTemplate>> templates) {
            if (!templates) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(templates.error()));
                return;
            }
            const QString open = openTemplateName();
            m_templates = std::move(*templates);
            const QSignalBlocker quiet(m_list);
            m_list->clear();
            for (const auto& each : m_templates) {
                const wire::TemplateLanguage* en = each.language("en");
                const wire::TemplateLanguage* ru = each.language("ru");
                const bool replaced = (en && en->replaced) || (ru && ru->replaced);
                auto* item = new QListWidgetItem(describe(each.name) + (replaced ? " ✎" : ""), m_list);
                item->setToolTip(describe(each.name) + " (" + QString::fromStdString(each.name) + ")");
            }
            m_open = -1;
            openTemplate(open.isEmpty() && !m_templates.empty() ? QString::fromStdString(m_templates.front().name)
                                                                : open);
        });
}

QString TemplatesPage::openTemplateName() const
{
    return m_open >= 0 && m_open < static_cast<int>(m_templates.size())
        ? QString::fromStdString(m_templates[m_open].name)
        : QString();
}

void TemplatesPage::openTemplate(const QString& name)
{
    for (int i = 0; i < static_cast<int>(m_templates.size()); ++i)
        if (QString::fromStdString(m_templates[i].name) == name) {
            const QSignalBlocker quiet(m_list);
            m_list->setCurrentRow(i);
            showTemplate(m_templates[i]);
        }
}

const wire::TemplateLanguage* TemplatesPage::current(const QString& language) const
{
    return m_open >= 0 ? m_templates[m_open].language(language.toStdString()) : nullptr;
}

void TemplatesPage::showTemplate(const wire::NotificationTemplate& notificationTemplate)
{
    for (int i = 0; i < static_cast<int>(m_templates.size()); ++i)
        if (m_templates[i].name == notificationTemplate.name)
            m_open = i;
    QStringList names;
    for (const auto& placeholder : notificationTemplate.placeholders)
        names << "{{" + QString::fromStdString(placeholder) + "}}";
    m_placeholders->setText(tr("<b>%1</b> (%2). It may use: %3")
                                .arg(describe(notificationTemplate.name).toHtmlEscaped(),
                                     QString::fromStdString(notificationTemplate.name), names.join(", ")));
    m_filling = true;
    for (const auto& [language, editor] : m_editors) {
        const wire::TemplateLanguage* texts = notificationTemplate.language(language.toStdString());
        if (!texts)
            continue;
        editor.subject->setText(QString::fromStdString(texts->text.subject));
        editor.shortText->setText(QString::fromStdString(texts->text.shortText));
        editor.body->setPlainText(QString::fromStdString(texts->text.body));
        editor.state->setText(texts->replaced ? tr("Changed by an admin (version %1).").arg(texts->version)
                                              : tr("The built-in text."));
        editor.reset->setEnabled(texts->replaced);
        preview(language);
    }
    m_filling = false;
}

wire::TemplateText TemplatesPage::draftOf(const QString& language) const
{
    const Editor& editor = m_editors.at(language);
    return {editor.subject->text().toStdString(), editor.body->toPlainText().toStdString(),
            editor.shortText->text().toStdString()};
}

void TemplatesPage::preview(const QString& language)
{
    const QString name = openTemplateName();
    if (name.isEmpty())
        return;
    m_session.api()
        .previewNotificationTemplate(name, language, draftOf(language))
        .then(this, [this, language, name](client::ApiResult<wire::RenderedTemplate> rendered) {
            if (name != openTemplateName())
                return;
            Editor& editor = m_editors.at(language);
            if (!rendered) {
                const QString problem = refusalText(rendered.error());
                editor.preview->setHtml(QStringLiteral("<p style='color:#c62828'>%1</p>").arg(problem.toHtmlEscaped()));
                editor.save->setEnabled(false);
                emit previewShown(language);
                return;
            }
            editor.preview->setHtml(renderedHtml(rendered->rendered));
            editor.save->setEnabled(true);
            emit previewShown(language);
        });
}

void TemplatesPage::replace(const wire::NotificationTemplate& changed)
{
    for (auto& each : m_templates)
        if (each.name == changed.name)
            each = changed;
    reload();
}

void TemplatesPage::save(const QString& language)
{
    const wire::TemplateLanguage* texts = current(language);
    if (!texts)
        return;
    const QString name = openTemplateName();
    const wire::TemplateText draft = draftOf(language);
    const qint64 version = texts->version;
    runWithStepUp<wire::NotificationTemplate>(
        m_session, this,
        [this, name, language, draft, version] {
            return m_session.api().changeNotificationTemplate(name, language, draft, version);
        },
        [this, name, language](const client::ApiResult<wire::NotificationTemplate>& changed) {
            if (!changed) {
                QString problem = errorText(changed.error());
                if (changed.error().is(ErrorCode::Conflict))
                    problem = tr("Another admin changed this text meanwhile; it is shown again.");
                m_message->showMessage(widgets::MessageBar::Kind::Error, problem);
                if (changed.error().is(ErrorCode::Conflict))
                    reload();
                return;
            }
            m_message->showMessage(widgets::MessageBar::Kind::Positive,
                                   tr("Saved: the next notifications in this language use it."));
            replace(*changed);
            emit saved(name, language);
        });
}

void TemplatesPage::reset(const QString& language)
{
    const wire::TemplateLanguage* texts = current(language);
    if (!texts)
        return;
    const QString name = openTemplateName();
    const qint64 version = texts->version;
    runWithStepUp<wire::NotificationTemplate>(
        m_session, this,
        [this, name, language, version] { return m_session.api().resetNotificationTemplate(name, language, version); },
        [this](const client::ApiResult<wire::NotificationTemplate>& changed) {
            if (!changed) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(changed.error()));
                return;
            }
            m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("The built-in text is sent again."));
            replace(*changed);
        });
}

void TemplatesPage::sendTest(const QString& language)
{
    const QString name = openTemplateName();
    if (name.isEmpty())
        return;
    m_session.api()
        .sendTestNotificationTemplate(name, language, draftOf(language))
        .then(this, [this](client::ApiResult<wire::RenderedTemplate> sent) {
            if (!sent) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(sent.error()));
                return;
            }
            m_message->showMessage(
                widgets::MessageBar::Kind::Positive,
                tr("A test is on its way to %1.").arg(QString::fromStdString(sent->sentTo.value_or(""))));
        });
}

} // namespace sbor::admin
