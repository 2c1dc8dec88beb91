// The ticket types' table model: what the cells show and take (prices in the language's format,
// times as the event's wall clock), the refusals it can see before the server (a quota below what
// is sold, an empty name, an end before the start, max below min), exactly the changed fields
// going out, and the server's problems landing on their cell — each change checked by
// QAbstractItemModelTester.

#include "events/tickettypesmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QtTest>

using sbor::organizer::TicketTypesModel;
namespace wire = sbor::wire;

namespace {

wire::TicketType savedType(const std::string& id, int quota, int sold)
{
    wire::TicketType type;
    type.id = id;
    type.eventId = "e1";
    type.name = "General admission";
    type.price = 150050; // 1 500,50
    type.currency = "RUB";
    type.quota = quota;
    type.sold = sold;
    type.salesStart = "2027-06-01T07:00:00Z";
    type.salesEnd = "2027-06-12T16:00:00Z";
    type.minPerOrder = 1;
    type.maxPerOrder = 10;
    return type;
}

} // namespace

class TestTicketTypesModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    // The model tester reports through warnings too: none may pass unseen.
    void init() { QTest::failOnWarning(QRegularExpression(".*")); }

    void showsSavedTypesInTheEventsZoneAndTheLanguagesMoney()
    {
        TicketTypesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTicketTypes({savedType("t1", 400, 12), savedType("t2", 40, 40)}, "Asia/Novosibirsk");
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(TicketTypesModel::ColumnCount));
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QVERIFY2(cell(0, TicketTypesModel::Price).toString().contains("1,500.50"),
                 qPrintable(cell(0, TicketTypesModel::Price).toString()));
        QCOMPARE(cell(0, TicketTypesModel::Price, Qt::EditRole).toDouble(), 1500.5);
        QCOMPARE(cell(0, TicketTypesModel::Sold).toString(), QStringLiteral("12"));
        QCOMPARE(cell(0, TicketTypesModel::Available).toString(), QStringLiteral("388"));
        QCOMPARE(cell(1, TicketTypesModel::Available).toString(), QStringLiteral("0"));
        // 16:00 UTC is 23:00 in Novosibirsk (UTC+7): the wall clock the organizer types.
        QCOMPARE(cell(0, TicketTypesModel::SalesEnd, Qt::EditRole).toDateTime(),
                 QDateTime(QDate(2027, 6, 12), QTime(23, 0)));
        QVERIFY(!(model.flags(model.index(0, TicketTypesModel::Sold)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(0, TicketTypesModel::Active)) & Qt::ItemIsUserCheckable);
        QVERIFY(!model.hasUnsavedWork());
        QCOMPARE(model.firstProblem(), std::make_pair(-1, -1));
    }

    void aQuotaBelowWhatIsSoldIsRefusedInline()
    {
        TicketTypesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTicketTypes({savedType("t1", 400, 12)}, "Europe/Moscow");
        const QModelIndex quota = model.index(0, TicketTypesModel::Quota);
        QVERIFY(model.setData(quota, 11, Qt::EditRole));
        QCOMPARE(model.data(quota, Qt::EditRole).toInt(), 11); // kept as typed
        QVERIFY2(model.problemAt(0, TicketTypesModel::Quota).contains("12"),
                 qPrintable(model.problemAt(0, TicketTypesModel::Quota)));
        QCOMPARE(model.data(quota, Qt::ToolTipRole).toString(), model.problemAt(0, TicketTypesModel::Quota));
        QVERIFY(model.data(quota, Qt::BackgroundRole).isValid());
        QCOMPARE(model.firstProblem(), std::make_pair(0, int(TicketTypesModel::Quota)));
        QVERIFY(model.setData(quota, 12, Qt::EditRole)); // exactly what is sold is fine
        QVERIFY(model.problemAt(0, TicketTypesModel::Quota).isEmpty());
        QCOMPARE(model.firstProblem(), std::make_pair(-1, -1));
    }

    void onlyTheChangedFieldsGoOut()
    {
        TicketTypesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTicketTypes({savedType("t1", 400, 12)}, "Europe/Moscow");
        QSignalSpy unsaved(&model, &TicketTypesModel::unsavedWorkChanged);
        QVERIFY(model.setData(model.index(0, TicketTypesModel::Price), QStringLiteral("2,000.25"), Qt::EditRole));
        QVERIFY(model.setData(model.index(0, TicketTypesModel::Active), Qt::Unchecked, Qt::CheckStateRole));
        // The same wall clock typed again is no change.
        QVERIFY(model.setData(model.index(0, TicketTypesModel::SalesEnd), QDateTime(QDate(2027, 6, 12), QTime(19, 0)),
                              Qt::EditRole));
        QCOMPARE(unsaved.count(), 1);
        QVERIFY(model.isChanged(0));
        QCOMPARE(model.headerData(0, Qt::Vertical, Qt::DisplayRole).toString(), QStringLiteral("edited"));
        const wire::TicketTypeChanges changes = model.changesOf(0);
        QCOMPARE(changes.price, std::optional<std::int64_t>(200025));
        QCOMPARE(changes.active, std::optional<bool>(false));
        QVERIFY(!changes.name && !changes.quota && !changes.salesEnd && !changes.salesStart && !changes.currency);
        QCOMPARE(model.idOf(0), QStringLiteral("t1"));
        // An unreadable price is not taken.
        QVERIFY(!model.setData(model.index(0, TicketTypesModel::Price), QStringLiteral("a lot"), Qt::EditRole));
        QCOMPARE(model.changesOf(0).price, std::optional<std::int64_t>(200025));

        wire::TicketType saved = savedType("t1", 400, 12);
        saved.price = 200025;
        saved.active = false;
        model.markSaved(0, saved);
        QVERIFY(!model.hasUnsavedWork());
        QCOMPARE(unsaved.count(), 2);
    }

    void aNewRowIsADraftAndItsProblemsAreMarked()
    {
        TicketTypesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTicketTypes({}, "Europe/Moscow");
        const QDateTime eventStart = QDateTime::currentDateTimeUtc().addDays(20);
        const int row = model.addRow("EUR", eventStart);
        QCOMPARE(row, 0);
        QVERIFY(model.isNew(0));
        QCOMPARE(model.headerData(0, Qt::Vertical, Qt::DisplayRole).toString(), QStringLiteral("new"));
        // No name yet: that is the first thing to fix.
        QCOMPARE(model.firstProblem(), std::make_pair(0, int(TicketTypesModel::Name)));
        QVERIFY(model.setData(model.index(0, TicketTypesModel::Name), QStringLiteral("  Early bird  "), Qt::EditRole));
        QVERIFY(model.setData(model.index(0, TicketTypesModel::MinPerOrder), 4, Qt::EditRole));
        QVERIFY(model.setData(model.index(0, TicketTypesModel::MaxPerOrder), 2, Qt::EditRole));
        QCOMPARE(model.firstProblem(), std::make_pair(0, int(TicketTypesModel::MaxPerOrder)));
        QVERIFY(model.setData(model.index(0, TicketTypesModel::MaxPerOrder), 6, Qt::EditRole));
        const QDateTime start = model.data(model.index(0, TicketTypesModel::SalesStart), Qt::EditRole).toDateTime();
        QVERIFY(model.setData(model.index(0, TicketTypesModel::SalesEnd), start.addSecs(-3600), Qt::EditRole));
        QCOMPARE(model.firstProblem(), std::make_pair(0, int(TicketTypesModel::SalesEnd)));
        QVERIFY(model.setData(model.index(0, TicketTypesModel::SalesEnd), start.addDays(3), Qt::EditRole));
        QCOMPARE(model.firstProblem(), std::make_pair(-1, -1));

        const wire::TicketTypeDraft draft = model.draftOf(0);
        QCOMPARE(QString::fromStdString(draft.name), QStringLiteral("Early bird"));
        QCOMPARE(QString::fromStdString(draft.currency), QStringLiteral("EUR"));
        QCOMPARE(draft.minPerOrder, 4);
        QCOMPARE(draft.maxPerOrder, 6);
        QCOMPARE(QDateTime::fromString(QString::fromStdString(draft.salesEnd), Qt::ISODate),
                 QDateTime::fromString(QString::fromStdString(draft.salesStart), Qt::ISODate).addDays(3));

        // The server's problem lands on the cell it names and leaves when that cell changes.
        model.setServerProblem(0, "currency", "must be an ISO 4217 code such as RUB, EUR or USD");
        QCOMPARE(model.firstProblem(), std::make_pair(0, int(TicketTypesModel::Currency)));
        QVERIFY(model.setData(model.index(0, TicketTypesModel::Currency), QStringLiteral("usd"), Qt::EditRole));
        QCOMPARE(model.firstProblem(), std::make_pair(-1, -1));
        QCOMPARE(QString::fromStdString(model.draftOf(0).currency), QStringLiteral("USD"));

        model.removeNewRow(0);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasUnsavedWork());
    }
};

QTEST_GUILESS_MAIN(TestTicketTypesModel)
#include "test_tickettypesmodel.moc"
