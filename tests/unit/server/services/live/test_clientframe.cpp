#include "live/clientframe.h"
#include "live/framemaskcheck.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace sbor::live;

namespace {

const std::string kUpgrade = "GET /api/v1/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n";

std::string frame(bool masked, std::size_t payloadLength)
{
    std::string bytes;
    bytes.push_back(static_cast<char>(0x81)); // FIN, text
    const char maskBit = masked ? static_cast<char>(0x80) : 0;
    if (payloadLength < 126) {
        bytes.push_back(static_cast<char>(maskBit | payloadLength));
    } else if (payloadLength < 65536) {
        bytes.push_back(static_cast<char>(maskBit | 126));
        bytes.push_back(static_cast<char>(payloadLength >> 8));
        bytes.push_back(static_cast<char>(payloadLength & 0xff));
    } else {
        bytes.push_back(static_cast<char>(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            bytes.push_back(static_cast<char>((static_cast<std::uint64_t>(payloadLength) >> shift) & 0xff));
    }
    if (masked)
        bytes += "MASK";
    bytes += std::string(payloadLength, masked ? 'p' : '\x01'); // unmasked payload looks nothing like a header
    return bytes;
}

std::optional<std::size_t> feedInPieces(FrameMaskCheck& check, const std::string& stream, std::size_t piece,
                                        std::size_t& refusedAtStream)
{
    for (std::size_t start = 0; start < stream.size(); start += piece) {
        const std::size_t size = std::min(piece, stream.size() - start);
        if (const auto at = check.feed(reinterpret_cast<const std::uint8_t*>(stream.data() + start), size)) {
            refusedAtStream = start + *at;
            return at;
        }
    }
    return std::nullopt;
}

} // namespace

class TestClientFrame : public QObject {
    Q_OBJECT
private slots:
    // Issue 13, defect 9: Qt accepted unmasked client frames (RFC 6455 §5.1: fail the connection).
    void theFirstUnmaskedFrameIsFoundInAnyPieces()
    {
        const std::string masked = frame(true, 5) + frame(true, 300) + frame(true, 70000) + frame(true, 0);
        const std::string unmasked = frame(false, 12);
        const std::string stream = kUpgrade + masked + unmasked + frame(true, 3);
        for (std::size_t piece : {std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(100), stream.size()}) {
            FrameMaskCheck check;
            std::size_t at = 0;
            QVERIFY2(feedInPieces(check, stream, piece, at), std::to_string(piece).c_str());
            // Refused from the unmasked frame's first byte, or from the start of the piece holding
            // its second byte when the first came earlier.
            const std::size_t frameStart = kUpgrade.size() + masked.size();
            QVERIFY2(at == frameStart || (at == frameStart + 1 && piece == 1) ||
                         (at > frameStart - piece && at <= frameStart + 1),
                     (std::to_string(piece) + ": " + std::to_string(at)).c_str());
            QVERIFY(check.refused());
            const std::uint8_t more = 0x81;
            QCOMPARE(check.feed(&more, 1), std::optional<std::size_t>(0));
        }
    }

    void maskedTrafficPasses()
    {
        FrameMaskCheck check;
        std::string stream = kUpgrade;
        for (std::size_t length : {0, 1, 125, 126, 65535, 65536})
            stream += frame(true, length);
        std::size_t at = 0;
        QVERIFY(!feedInPieces(check, stream, 3, at));
        QVERIFY(!check.refused());
    }

    void theUpgradeRequestItselfIsNotAFrame()
    {
        FrameMaskCheck check;
        const std::string partial = "GET / HTTP/1.1\r\nA: b\r\n\r"; // no end yet: nothing judged
        QVERIFY(!check.feed(reinterpret_cast<const std::uint8_t*>(partial.data()), partial.size()));
        const std::string rest = "\n" + frame(false, 1);
        QCOMPARE(check.feed(reinterpret_cast<const std::uint8_t*>(rest.data()), rest.size()),
                 std::optional<std::size_t>(1));
    }

    void framesAreReadStrictly()
    {
        const auto subscribe = parseClientFrame(R"({"op":"subscribe","topic":"event:1","since":17,"epoch":"e"})");
        QVERIFY(std::holds_alternative<ClientFrame>(subscribe));
        QCOMPARE(std::get<ClientFrame>(subscribe).since, std::optional<std::uint64_t>(17));
        QCOMPARE(std::get<ClientFrame>(subscribe).epoch, std::string("e"));
        for (const char* bad :
             {R"({"op":"subscribe","op":"ping"})", R"({"op":"subscribe","topic":"event:1","since":1e999})",
              R"({"op":"subscribe","since":-1})", R"({"op":"subscribe","since":1.5})", R"(["op"])", "{",
              R"({"op":"dance"})", R"({"op":"unsubscribe"})", R"({"op":7})", "\xff"}) {
            const auto parsed = parseClientFrame(bad);
            QVERIFY2(std::holds_alternative<ClientFrameProblem>(parsed), bad);
            QCOMPARE(std::get<ClientFrameProblem>(parsed).code, std::string("bad_request"));
        }
        const auto unknown = parseClientFrame(R"({"op":")" + std::string(5000, 'x') + R"("})");
        QVERIFY(std::get<ClientFrameProblem>(unknown).message.size() < 200);
    }
};

QTEST_APPLESS_MAIN(TestClientFrame)
#include "test_clientframe.moc"
