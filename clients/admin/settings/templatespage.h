#pragma once
// The template editor: what people read, per notification and language. The texts of both
// languages side by side, a live preview of each rendered with sample values (by the server, so
// it is what will be sent), the placeholders a template may use, save (with the step-up sign-in
// when asked), back to the built-in text, and a test send to the admin's own address.

#include "app/consolepage.h"

#include "sbor/wire/templates.h"

#include <map>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTextBrowser;
class QTimer;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class TemplatesPage : public ConsolePage {
    Q_OBJECT
public:
    explicit TemplatesPage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload() override;

    void openTemplate(const QString& name);
    QString openTemplateName() const;
    // The editor of one language ("en" | "ru").
    QLineEdit* subjectField(const QString& language) const { return m_editors.at(language).subject; }
    QPlainTextEdit* bodyField(const QString& language) const { return m_editors.at(language).body; }
    QTextBrowser* previewOf(const QString& language) const { return m_editors.at(language).preview; }

signals:
    void previewShown(const QString& language);
    void saved(const QString& name, const QString& language);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Editor {
        QLineEdit* subject = nullptr;
        QLineEdit* shortText = nullptr;
        QPlainTextEdit* body = nullptr;
        QTextBrowser* preview = nullptr;
        QLabel* state = nullptr;
        QPushButton* save = nullptr;
        QPushButton* reset = nullptr;
        QPushButton* test = nullptr;
        QTimer* typing = nullptr;
    };
    QWidget* makeEditor(const QString& language, const QString& title);
    void showTemplate(const wire::NotificationTemplate& notificationTemplate);
    wire::TemplateText draftOf(const QString& language) const;
    void preview(const QString& language);
    void save(const QString& language);
    void reset(const QString& language);
    void sendTest(const QString& language);
    const wire::TemplateLanguage* current(const QString& language) const;
    void replace(const wire::NotificationTemplate& changed);

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QListWidget* m_list;
    QLabel* m_placeholders;
    QSplitter* m_languages;
    std::map<QString, Editor> m_editors;
    std::vector<wire::NotificationTemplate> m_templates;
    int m_open = -1;
    bool m_filling = false; // showing a template, not an admin typing
};

} // namespace sbor::admin
