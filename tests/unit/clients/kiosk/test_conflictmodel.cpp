// The door's conflicts as a list model: newest first, one per ticket, dismissed by row, named once
// the copy knows the guest — each change checked by QAbstractItemModelTester.

#include "conflictmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using sbor::kiosk::ConflictModel;

class TestConflictModel : public QObject {
    Q_OBJECT

private slots:
    void newestFirstOncePerTicket()
    {
        ConflictModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &ConflictModel::countChanged);
        model.add("t1", "Olga Petrova", "Admitted at two entrances: check the ticket");
        model.add("t2", {}, "The server did not take this offline scan: too old");
        model.add("t1", "Olga Petrova", "again"); // already listed
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(counted.count(), 2);
        QCOMPARE(model.at(0).ticketId, QStringLiteral("t2"));
        QCOMPARE(model.at(1).holderName, QStringLiteral("Olga Petrova"));
        const QModelIndex top = model.index(0);
        QCOMPARE(model.data(top, ConflictModel::TicketIdRole).toString(), QStringLiteral("t2"));
        QCOMPARE(model.data(top, ConflictModel::DetailRole).toString(),
                 QStringLiteral("The server did not take this offline scan: too old"));
        QVERIFY(!model.data(top, ConflictModel::AtRole).toString().isEmpty());
        QCOMPARE(model.property("count").toInt(), 2);
    }

    void rolesAreNamedForQml()
    {
        ConflictModel model;
        const auto roles = model.roleNames();
        QCOMPARE(roles.value(ConflictModel::TicketIdRole), QByteArray("ticketId"));
        QCOMPARE(roles.value(ConflictModel::HolderNameRole), QByteArray("holderName"));
        QCOMPARE(roles.value(ConflictModel::DetailRole), QByteArray("detail"));
        QCOMPARE(roles.value(ConflictModel::AtRole), QByteArray("at"));
    }

    void dismissedByRow()
    {
        ConflictModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.add("t1", "A", "first");
        model.add("t2", "B", "second");
        model.dismiss(5); // no such row: nothing happens
        model.dismiss(-1);
        QCOMPARE(model.rowCount(), 2);
        model.dismiss(0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.at(0).ticketId, QStringLiteral("t1"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void guestsNamedOnceTheCopyKnowsThem()
    {
        ConflictModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.add("known", "Anna", "x");
        model.add("later", {}, "y");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.nameGuests([](const QString& ticketId) { return ticketId == "later" ? QString("Dmitri") : QString(); });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(model.at(0).holderName, QStringLiteral("Dmitri"));
        QCOMPARE(model.at(1).holderName, QStringLiteral("Anna")); // a name, once there, stays
        model.nameGuests([](const QString&) { return QString("Someone else"); });
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_MAIN(TestConflictModel)
#include "test_conflictmodel.moc"
