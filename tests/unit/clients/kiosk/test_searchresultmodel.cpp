// The door's search results as a list model: each search's results replace the last, every role
// as QML reads it — checked by QAbstractItemModelTester.

#include "searchresultmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using sbor::kiosk::SearchResult;
using sbor::kiosk::SearchResultModel;

class TestSearchResultModel : public QObject {
    Q_OBJECT

private slots:
    void eachSearchReplacesTheLast()
    {
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &SearchResultModel::countChanged);
        model.setResults({{"t1", "Olga Petrova", "Standing", "o1", "valid", false, true, false},
                          {"t2", "Oleg Popov", "", "o2", "cancelled", false, false, false}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.property("count").toInt(), 2);
        model.setResults({{"t3", "Olga Smirnova", "Seated", "o3", "valid", true, false, true}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.at(0).ticketId, QStringLiteral("t3"));
        model.setResults({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(counted.count(), 3);
    }

    void everyRole()
    {
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults({{"t1", "Olga Petrova", "Standing", "o1", "valid", true, true, true}});
        const QModelIndex row = model.index(0);
        QCOMPARE(model.data(row, Qt::DisplayRole).toString(), QStringLiteral("Olga Petrova"));
        QCOMPARE(model.data(row, SearchResultModel::TicketIdRole).toString(), QStringLiteral("t1"));
        QCOMPARE(model.data(row, SearchResultModel::HolderNameRole).toString(), QStringLiteral("Olga Petrova"));
        QCOMPARE(model.data(row, SearchResultModel::TicketTypeRole).toString(), QStringLiteral("Standing"));
        QCOMPARE(model.data(row, SearchResultModel::OrderIdRole).toString(), QStringLiteral("o1"));
        QCOMPARE(model.data(row, SearchResultModel::StatusRole).toString(), QStringLiteral("valid"));
        QCOMPARE(model.data(row, SearchResultModel::BlockedRole).toBool(), true);
        QCOMPARE(model.data(row, SearchResultModel::CheckedInRole).toBool(), true);
        QCOMPARE(model.data(row, SearchResultModel::OfflineRole).toBool(), true);
        QVERIFY(!model.data(model.index(1), SearchResultModel::TicketIdRole).isValid());
        const auto roles = model.roleNames();
        for (const QByteArray name :
             {"ticketId", "holderName", "ticketType", "orderId", "status", "blocked", "checkedIn", "offline"})
            QVERIFY2(std::find(roles.cbegin(), roles.cend(), name) != roles.cend(), name.constData());
    }
};

QTEST_MAIN(TestSearchResultModel)
#include "test_searchresultmodel.moc"
