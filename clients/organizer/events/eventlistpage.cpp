#include "eventlistpage.h"

#include "accountsession.h"
#include "app/wording.h"

#include "messagebar.h"
#include "pagedlistmodel.h"
#include "rolecolumnsmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPromise>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sbor::organizer {

EventListPage::EventListPage(desktop::AccountSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    setObjectName("eventListPage");
    m_model = new client::PagedListModel(
        {"id", "title", "status", "starts_at", "ends_at", "venue", "timezone", "sold", "capacity"}, "title", this);
    // Each event's times in its own zone: a festival in Novosibirsk starts at its local hour.
    const auto inZoneOf = [](const char* field) {
        return [field](const QVariantMap& row) {
            return wording::time(row.value(field).toString(), row.value("timezone").toString());
        };
    };
    m_columns = new widgets::RoleColumnsModel(
        m_model,
        {{tr("Event"), "title"},
         {tr("Status"), "status", [](const QVariant& value) { return wording::eventStatus(value.toString()); }},
         {tr("Starts"), "starts_at", {}, Qt::AlignLeft | Qt::AlignVCenter, "starts_at", inZoneOf("starts_at")},
         {tr("Ends"), "ends_at", {}, Qt::AlignLeft | Qt::AlignVCenter, {}, inZoneOf("ends_at")},
         {tr("Sold"),
          "sold",
          {},
          Qt::AlignRight | Qt::AlignVCenter,
          {},
          [](const QVariantMap& row) -> QVariant {
              if (!row.value("capacity").isValid() || row.value("capacity").isNull())
                  return QStringLiteral("—");
              return QStringLiteral("%1 / %2").arg(QLocale().toString(row.value("sold").toInt()),
                                                   QLocale().toString(row.value("capacity").toInt()));
          }},
         {tr("Venue"), "venue"}},
        this);

    m_heading = new QLabel(this);
    m_heading->setObjectName("eventListHeading");
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_message = new widgets::MessageBar(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName("eventSearch");
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->setObjectName("eventStatusFilter");
    m_create = new QPushButton(this);
    m_create->setObjectName("createEventButton");
    m_copy = new QPushButton(this);
    m_copy->setObjectName("copyEventButton");
    m_table = new QTableView(this);
    m_table->setObjectName("eventTable");
    m_table->setModel(m_columns);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Interactive);
    m_empty = new QLabel(this);
    m_empty->setObjectName("eventListEmpty");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_copy);
    filters->addWidget(m_create);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_message);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);

    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &EventListPage::reload);
    connect(m_status, &QComboBox::currentIndexChanged, this, &EventListPage::reload);
    connect(m_create, &QPushButton::clicked, this, &EventListPage::createRequested);
    connect(m_copy, &QPushButton::clicked, this, &EventListPage::copyCurrent);
    connect(m_table, &QTableView::activated, this, &EventListPage::openCurrent);
    connect(m_model, &client::PagedListModel::loadingChanged, this, [this] {
        const bool nothing = !m_model->isLoading() && m_model->count() == 0 && m_model->errorText().isEmpty();
        m_empty->setVisible(nothing);
        m_table->setVisible(!nothing);
        if (!m_model->isLoading() && m_model->count() > 0) {
            for (int column : {1, 2, 3, 4})
                m_table->resizeColumnToContents(column);
            if (!m_table->currentIndex().isValid())
                m_table->selectRow(0);
        }
    });
    connect(m_model, &client::PagedListModel::errorChanged, this, [this] {
        if (m_model->errorText().isEmpty())
            m_message->hideMessage();
        else
            m_message->showMessage(widgets::MessageBar::Kind::Warning,
                                   tr("The list could not be loaded: %1").arg(m_model->errorText()), tr("Try again"),
                                   [this] { reload(); });
    });
    retranslate();
}

void EventListPage::retranslate()
{
    m_heading->setText(tr("My events"));
    m_search->setPlaceholderText(tr("Search by title or venue (Ctrl+F)"));
    const int current = m_status->currentIndex();
    const QSignalBlocker blocker(m_status);
    m_status->clear();
    m_status->addItem(tr("Every status"), QString());
    for (const char* status : {"draft", "published", "completed", "cancelled"})
        m_status->addItem(wording::eventStatus(status), QString(status));
    m_status->setCurrentIndex(current < 0 ? 0 : current);
    m_create->setText(tr("New event…"));
    m_copy->setText(tr("Copy event…"));
    m_copy->setToolTip(tr("A new draft with the selected event's ticket types, gates, programme and team "
                          "(Ctrl+Shift+D)"));
    m_empty->setText(tr("No events here yet. Create your first with “New event…” (Ctrl+N)."));
    const QStringList titles = {tr("Event"), tr("Status"), tr("Starts"), tr("Ends"), tr("Sold"), tr("Venue")};
    for (int i = 0; i < titles.size(); ++i)
        m_columns->setColumnTitle(i, titles[i]);
}

void EventListPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventListPage::reload()
{
    client::EventQuery query;
    query.mine = true;
    query.text = m_search->text().trimmed();
    query.status = m_status->currentData().toString();
    query.sort = "-starts_at";
    query.limit = 50;
    client::SborApi* api = &m_session.api();
    // Each event of a page with its tickets sold and its capacity (the sum of its types' quotas),
    // asked of its ticket types side by side: the page shows once every answer is in.
    m_model->setSource([this, api, query](const QString& cursor) {
        client::EventQuery page = query;
        page.cursor = cursor;
        using Answer = client::ApiResult<client::PagedListModel::JsonPage>;
        auto promise = std::make_shared<QPromise<Answer>>();
        promise->start();
        api->events(page).then(this, [this, api, promise](client::ApiResult<wire::Page<wire::Event>> events) {
            if (!events) {
                promise->addResult(Answer(events.error()));
                promise->finish();
                return;
            }
            auto rows = std::make_shared<client::PagedListModel::JsonPage>();
            rows->nextCursor = events->nextCursor;
            for (const auto& event : events->items)
                rows->items.push_back(wire::toJson(event));
            auto pending = std::make_shared<int>(static_cast<int>(rows->items.size()));
            if (*pending == 0) {
                promise->addResult(Answer(*rows));
                promise->finish();
                return;
            }
            for (std::size_t i = 0; i < rows->items.size(); ++i) {
                const QString eventId = QString::fromStdString(events->items[i].id);
                api->ticketTypes(eventId).then(
                    this, [promise, rows, pending, i](client::ApiResult<std::vector<wire::TicketType>> types) {
                        if (types) {
                            int sold = 0, capacity = 0;
                            for (const auto& type : *types) {
                                sold += type.sold;
                                capacity += type.quota;
                            }
                            rows->items[i]["sold"] = sold;
                            rows->items[i]["capacity"] = capacity;
                        }
                        if (--*pending == 0) {
                            promise->addResult(Answer(*rows));
                            promise->finish();
                        }
                    });
            }
        });
        return promise->future();
    });
    m_model->reload();
}

void EventListPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

int EventListPage::rowCount() const { return m_model->count(); }

void EventListPage::copyCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QVariantMap row = m_columns->rowValues(current.row());
    emit copyRequested(row.value("id").toString(), row.value("title").toString(), row.value("starts_at").toString(),
                       row.value("ends_at").toString(), row.value("timezone").toString());
}

void EventListPage::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QVariantMap row = m_columns->rowValues(current.row());
    emit openRequested(row.value("id").toString(), row.value("title").toString(), row.value("timezone").toString());
}

} // namespace sbor::organizer
