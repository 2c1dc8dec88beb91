// The wire form of contracts between processes: what one end writes, the other reads back the
// same; a binary QR survives JSON; errors keep their code; nonsense is refused, not guessed.
#include "cluster/clustersettings.h"
#include "cluster/contractcodec.h"

#include <QtTest>

using namespace sbor;
using nlohmann::json;

class TestContractCodec : public QObject {
    Q_OBJECT
private slots:
    void contractsSurviveTheWire()
    {
        const EventFacts facts{
            "e-1", "u-9", EventStatus::Published, "Вечер", "Europe/Moscow", 1700000000000000, 1700018000000000, "Клуб"};
        const auto facts2 = json::parse(json(facts).dump()).get<EventFacts>();
        QCOMPARE(facts2.title, facts.title);
        QCOMPARE(facts2.endsAt, facts.endsAt);
        QCOMPARE(facts2.venue, facts.venue);
        QCOMPARE(facts2.status, EventStatus::Published);
        // A status travels as its wire word, not as the enum's number.
        QCOMPARE(json(facts)["status"], json("published"));
        QVERIFY_THROWS_EXCEPTION(json::type_error, json({{"status", "sideways"}})["status"].get<EventStatus>());

        const PayableOrder order{"o-1", "e-1", "u-2", OrderStatus::Pending, 246914, "RUB", "p-1"};
        const auto order2 = json(order).get<PayableOrder>();
        QCOMPARE(order2.total, order.total);
        QCOMPARE(order2.paymentId, order.paymentId);
        QCOMPARE(order2.status, OrderStatus::Pending);

        std::string png("\x89PNG\r\n\x1a\n\0\xff\xfe", 11);
        const TicketDocument document{"t-1",  "e-1", "Standard", "Анна", "anna@example.com", TicketStatus::Valid,
                                      "CODE", png};
        const json wire = json(document);
        QVERIFY(wire.dump().find("PNG") == std::string::npos); // base64, not raw bytes
        QCOMPARE(json::parse(wire.dump()).get<TicketDocument>().qrPng, png);

        const std::vector<DoorPublicKey> keys{{2, "ab"}, {1, "cd"}};
        const auto keys2 = json(keys).get<std::vector<DoorPublicKey>>();
        QCOMPARE(keys2.size(), std::size_t(2));
        QCOMPARE(keys2[1].keyId, 1);
    }

    void callersKeepTheirRolesAndScope()
    {
        access::Principal person{"u-1", {access::Role::Organizer, access::Role::Staff}, "s-1", std::nullopt};
        const auto person2 = json(person).get<access::Principal>();
        QCOMPARE(person2.roles.size(), std::size_t(2));
        QVERIFY(person2.hasRole(access::Role::Staff));
        QVERIFY(!person2.device);

        access::Principal kiosk{"", {}, "", access::DeviceScope{"d-1", "e-1", "l-1"}};
        const auto kiosk2 = json(kiosk).get<access::Principal>();
        QVERIFY(kiosk2.device);
        QCOMPARE(kiosk2.device->listId, std::string("l-1"));

        json unknownRole = json(person);
        unknownRole["roles"] = {"emperor"};
        QVERIFY_THROWS_EXCEPTION(std::exception, unknownRole.get<access::Principal>());
        QVERIFY_THROWS_EXCEPTION(std::exception, json::object().get<EventFacts>());
    }

    void errorsKeepTheirCode()
    {
        const Error sold = errorFromResponseBody(
            "{\"error\":{\"code\":\"sold_out\",\"message\":\"gone\",\"details\":{\"left\":0}}}", 409, "tickets");
        QCOMPARE(sold.code, ErrorCode::SoldOut);
        QCOMPARE(sold.details.value("left", -1), 0);
        for (const char* body : {"<html>bad gateway</html>", "{\"error\":{\"code\":\"no_such_code\"}}", ""}) {
            const Error strange = errorFromResponseBody(body, 500, "tickets");
            QCOMPARE(strange.code, ErrorCode::UpstreamUnavailable);
            QVERIFY(strange.message.find("tickets") != std::string::npos);
        }
    }

    void theSecretComparesWhole()
    {
        QVERIFY(cluster::sameSecret("abc123", "abc123"));
        QVERIFY(!cluster::sameSecret("abc12", "abc123"));
        QVERIFY(!cluster::sameSecret("abc124", "abc123"));
        QVERIFY(!cluster::sameSecret("", ""));
        QCOMPARE(cluster::providerOf("order-settlement"), std::string("tickets"));
        QVERIFY(cluster::providedAmong("authenticator", {"auth", "events"}));
        QVERIFY(!cluster::providedAmong("payment-refunds", {"auth", "events"}));
    }
};

QTEST_APPLESS_MAIN(TestContractCodec)
#include "test_contractcodec.moc"
