#include "inboxpage.h"

#include "accountsession.h"

#include "pagedlistmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace sbor::organizer {

InboxPage::InboxPage(desktop::AccountSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    setObjectName("inboxPage");
    m_model = new client::PagedListModel({"id", "title", "body", "type", "read", "created_at"}, "title", this);
    m_list = new QListView(this);
    m_list->setObjectName("notificationList");
    m_list->setModel(m_model);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_empty = new QLabel(tr("Nothing new. Purchases, refunds and team changes will show here."), this);
    m_empty->setObjectName("inboxEmpty");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_markAll = new QPushButton(tr("Mark all read"), this);
    m_markAll->setObjectName("markAllReadButton");
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_markAll);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(buttons);
    m_empty->hide();

    client::SborApi* api = &session.api();
    m_model->setSource(client::PagedListModel::sourceOf<wire::Notification>(
        [api](const QString& cursor) { return api->notifications(cursor, 50); }));
    connect(m_model, &client::PagedListModel::loadingChanged, this, [this] {
        if (m_model->isLoading())
            return;
        m_empty->setVisible(m_model->count() == 0);
        m_list->setVisible(m_model->count() > 0);
        countUnread();
    });
    connect(m_markAll, &QPushButton::clicked, this,
            [this] { m_session.api().markAllNotificationsRead().then(this, [this](auto) { reload(); }); });
    connect(&session.live(), &client::LiveFeed::frameReceived, this, [this](const wire::LiveFrame& frame) {
        if (frame.type == "notification.created")
            reload();
    });
}

void InboxPage::reload() { m_model->reload(); }

void InboxPage::countUnread()
{
    int unread = 0;
    for (int row = 0; row < m_model->count(); ++row)
        if (!m_model->get(row).value("read").toBool())
            ++unread;
    if (unread != m_unread) {
        m_unread = unread;
        emit unreadCountChanged(unread);
    }
}

} // namespace sbor::organizer
