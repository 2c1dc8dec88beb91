// Ticket codes: base32 as RFC 4648 spells it, and codes that verify only with their own event's
// key, untouched and whole.
#include "sbor/base32.h"
#include "sbor/ticketcode.h"

#include <QtTest>

#include <sodium.h>

using namespace sbor;

namespace {
struct KeyPair {
    SigningPublicKey publicKey{};
    SigningSecretKey secretKey{};
};

KeyPair newKeyPair()
{
    KeyPair pair;
    crypto_sign_keypair(pair.publicKey.data(), pair.secretKey.data());
    return pair;
}

const UuidBytes kEvent = *uuidBytes("6f1c2a9e-0b7d-4e55-9c1a-3d2f4b5a6c7d");
const UuidBytes kTicket = *uuidBytes("11111111-2222-4333-8444-555555555555");
const UuidBytes kType = *uuidBytes("a0b1c2d3-e4f5-4a6b-8c7d-8e9fa0b1c2d3");

TicketCodeFields sampleFields()
{
    TicketCodeFields fields;
    fields.keyId = 3;
    fields.ticketId = kTicket;
    fields.eventPrefix = idPrefix(kEvent);
    fields.ticketTypePrefix = idPrefix(kType);
    fields.issuedAt = 1795000000;
    fields.validFrom = 1795100000;
    fields.validUntil = 1795200000;
    return fields;
}
} // namespace

class TestTicketCode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void base32MatchesTheRfcVectors()
    {
        const std::pair<std::string, std::string> vectors[] = {{"", ""},
                                                               {"f", "MY"},
                                                               {"fo", "MZXQ"},
                                                               {"foo", "MZXW6"},
                                                               {"foob", "MZXW6YQ"},
                                                               {"fooba", "MZXW6YTB"},
                                                               {"foobar", "MZXW6YTBOI"}};
        for (const auto& [plain, encoded] : vectors) {
            QCOMPARE(base32Encode(plain), encoded);
            QCOMPARE(base32Decode(encoded).value_or("<refused>"), plain);
        }
        QCOMPARE(base32Decode("mzxw6ytboi").value_or("<refused>"), std::string("foobar")); // Caps Lock on the scanner
        QVERIFY(!base32Decode("MZXW6YTBO1"));                                              // 1 is not in the alphabet
        QVERIFY(!base32Decode("MZXW6YTBO="));                                              // no padding
        QVERIFY(!base32Decode("MZXW6YTBOJ"));                                              // stray trailing bits
        QVERIFY(!base32Decode("MZX"));                                                     // a length no bytes produce
    }

    void uuidBytesRoundTrip()
    {
        QCOMPARE(uuidText(kType.data()), std::string("a0b1c2d3-e4f5-4a6b-8c7d-8e9fa0b1c2d3"));
        QCOMPARE(uuidText(uuidBytes("A0B1C2D3-E4F5-4A6B-8C7D-8E9FA0B1C2D3")->data()),
                 std::string("a0b1c2d3-e4f5-4a6b-8c7d-8e9fa0b1c2d3"));
        QVERIFY(!uuidBytes("a0b1c2d3-e4f5-4a6b-8c7d-8e9fa0b1c2dz"));
    }

    void signedCodeReadsBackAndVerifies()
    {
        const KeyPair key = newKeyPair();
        const std::string code = signTicketCode(sampleFields(), kEvent, key.secretKey);
        QCOMPARE(code.size(), kTicketCodeLength);
        QVERIFY(std::all_of(code.begin(), code.end(),
                            [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'); }));
        const auto read = readTicketCode(code);
        QVERIFY(read);
        QCOMPARE(read->fields.keyId, std::uint8_t(3));
        QVERIFY(read->fields.ticketId == kTicket);
        QVERIFY(read->fields.eventPrefix == idPrefix(kEvent));
        QVERIFY(read->fields.ticketTypePrefix == idPrefix(kType));
        QCOMPARE(read->fields.issuedAt, 1795000000u);
        QCOMPARE(read->fields.validFrom, 1795100000u);
        QCOMPARE(read->fields.validUntil, 1795200000u);
        QVERIFY(ticketCodeSignedBy(*read, kEvent, key.publicKey));
        // Typed by a scanner with Caps Lock on: the same code.
        QString lower = QString::fromStdString(code).toLower();
        QVERIFY(ticketCodeSignedBy(*readTicketCode(lower.toStdString()), kEvent, key.publicKey));
    }

    void forgedCodesAreRefused()
    {
        const KeyPair key = newKeyPair();
        const std::string code = signTicketCode(sampleFields(), kEvent, key.secretKey);
        // Every single-character change of the payload part breaks the signature.
        for (std::size_t at : {0u, 5u, 30u, 45u, 60u}) {
            std::string forged = code;
            forged[at] = forged[at] == 'A' ? 'B' : 'A';
            const auto read = readTicketCode(forged);
            QVERIFY2(!read || !ticketCodeSignedBy(*read, kEvent, key.publicKey),
                     qPrintable(QString("changed at %1").arg(at)));
        }
        // Re-signed with another key, or checked for another event: refused.
        const KeyPair other = newKeyPair();
        QVERIFY(!ticketCodeSignedBy(*readTicketCode(signTicketCode(sampleFields(), kEvent, other.secretKey)), kEvent,
                                    key.publicKey));
        const UuidBytes otherEvent = *uuidBytes("6f1c2a9e-ffff-4e55-9c1a-3d2f4b5a6c7d"); // same 4-byte prefix
        QVERIFY(!ticketCodeSignedBy(*readTicketCode(code), otherEvent, key.publicKey));
        // Truncated, extended, wrong version, garbage: not even read.
        QVERIFY(!readTicketCode(code.substr(0, code.size() - 1)));
        QVERIFY(!readTicketCode(code + "A"));
        QVERIFY(!readTicketCode(""));
        QVERIFY(!readTicketCode(std::string(kTicketCodeLength, '!')));
        std::string bytes = *base32Decode(code);
        bytes[0] = 2;
        QVERIFY(!readTicketCode(base32Encode(bytes)));
    }
};

QTEST_GUILESS_MAIN(TestTicketCode)
#include "test_ticketcode.moc"
