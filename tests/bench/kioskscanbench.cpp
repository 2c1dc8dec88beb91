// Kiosk scan benchmark: how fast and how reliably the kiosk reads a ticket's QR code from a camera
// frame, next to zbar on the same frames in the same run; and how long a scan takes to become a
// verdict on the screen, online (sbor-server on loopback) and offline (the local copy), next to a
// bare libsbor-client redeem measured in the same run. Prints tables; the goals (verdict under
// 100 ms online, under 20 ms offline) are compared, not asserted.
//
//   QT_QPA_PLATFORM=offscreen sbor-kiosk-scan-bench [--scans 50] [--warmup 3] [--extra-tickets 0]
//       [--repeat 1] [--seed 20240611] [--skip-decode] [--skip-door] [--save-frames DIR] [--out FILE]
//
//   --repeat R         decode every frame R times (more samples for the p99)
//   --extra-tickets K  K more tickets that are never scanned, to give the kiosk's copy a real size
//   --save-frames DIR  write the 180 frames as PNG (the JSON's per_frame says which ones read)
//
// 1. Decoding. One real ticket code (164 characters, signed with an Ed25519 key made from a fixed
//    seed, so the code and every frame are the same in each run) is drawn as 1280×720 8-bit grey
//    frames by the generator of the kiosk's decoding test (tests/support/qrframes.h): module
//    size 2, 3, 4, 6 px, rotated 0, 10, 30, 45, 90 degrees, at a seeded position on a mid-grey
//    background, box-blurred (radius 0, 1, 2 px, twice), with Gaussian noise (sigma 0, 12, 30
//    grey levels): 4×5×3×3 = 180 frames, made before any timing. Each frame is decoded by the
//    kiosk's reader (readCode) as the camera uses it (thorough = false), by the same reader as a
//    file is read (thorough = true), and by zbar (QR only, Y800 frames, default settings); each
//    decode is timed with steady_clock. A hit is a decoded text equal to the code.
// 2. Scan to verdict. sbor-server (on the suite's PostgreSQL fixture when SBOR_TEST_POSTGRES_DIR
//    names one, otherwise in its embedded default as sbor-live-bench runs it), an event with a
//    free ticket type, a check-in list and enough tickets; a DoorController (the kiosk's own
//    object, settings and offline store in a temp dir, no QML) enrolled with a one-time code and
//    synced. Online, each ticket is scanned once: a camera frame of its code is decoded (fast
//    mode) and submitCode() is called; the time to verdictShown is taken from submitCode
//    ("code → verdict") and from the start of the decode ("frame → verdict"). Between them, a
//    second enrolled device redeems other tickets with a bare SborApi::redeem (same timeout, no
//    retry): the ceiling for the online path. Then the server is stopped and more tickets are
//    scanned: the first scan's redeem fails and the kiosk decides locally (reported on its own),
//    the rest are local decisions only.
//
// Exit status: 0 when it ran; 1 when the set-up failed; 2 when a verdict was not the expected one
// (the timings would then measure something else).

#include "apiclient.h"
#include "authapi.h"
#include "clientawait.h"
#include "codereader.h"
#include "doorcontroller.h"
#include "doorscenario.h"
#include "httpclient.h"
#include "kiosksettings.h"
#include "latencystats.h"
#include "qrdecoding.h"
#include "qrframes.h"
#include "sborapi.h"
#include "testdatabase.h"
#include "testserver.h"

#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sodium.h>
#include <zbar.h> // C++: its C API is in namespace zbar

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <numbers>
#include <optional>
#include <random>
#include <utility>
#include <vector>

using namespace sbor::test;
using sbor::client::ApiClient;
using sbor::client::ApiResult;
using sbor::client::SborApi;
using sbor::kiosk::DoorController;
using sbor::kiosk::KioskSettings;
namespace wire = sbor::wire;

namespace {

constexpr int kFrameWidth = 1280;
constexpr int kFrameHeight = 720;
constexpr double kOnlineGoalMs = 100;
constexpr double kOfflineGoalMs = 20;

const std::array<int, 4> kModuleSizes{2, 3, 4, 6};
const std::array<double, 5> kRotations{0, 10, 30, 45, 90};
const std::array<double, 3> kBlurs{0.0, 1.0, 2.0};
const std::array<double, 3> kNoises{0, 12, 30};

using Clock = std::chrono::steady_clock;
double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

using Stats = sbor::test::LatencyStats;
Stats statsOf(std::vector<double> values) { return sbor::test::latencyStats(std::move(values)); }

QJsonObject statsJson(const Stats& stats)
{
    return QJsonObject{
        {"samples", qint64(stats.samples)}, {"median_ms", stats.p50}, {"p99_ms", stats.p99}, {"max_ms", stats.max}};
}

// ---- frames: the generator of the kiosk's decoding test (tests/support/qrframes.h), so the
// benchmark and the test look at the same pictures.

using Condition = sbor::test::FrameConditions;

QString describe(const Condition& c) { return c.label(); }

struct Frame {
    Condition condition;
    QImage image; // Format_Grayscale8, 1280 × 720
};

std::vector<Frame> makeFrameSet(const QString& code, std::uint32_t seed)
{
    std::vector<Frame> frames;
    for (Condition condition : sbor::test::standardConditions()) {
        condition.seed += seed;
        frames.push_back({condition, sbor::test::cameraFrame(code, condition)});
    }
    return frames;
}

// A ticket code like the server's: the layout of ticketcode.h, signed with an Ed25519 key made
// from a fixed seed (signatures are deterministic, so the code is the same in every run).
QString benchTicketCode()
{
    std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i)
        seed[i] = static_cast<unsigned char>(0x5b + 7 * i);
    sbor::SigningPublicKey publicKey{};
    sbor::SigningSecretKey secretKey{};
    crypto_sign_seed_keypair(publicKey.data(), secretKey.data(), seed.data());
    sbor::UuidBytes eventId{}, ticketId{}, typeId{};
    for (std::size_t i = 0; i < eventId.size(); ++i) {
        eventId[i] = std::uint8_t(0x10 + i);
        ticketId[i] = std::uint8_t(0xa0 + 3 * i);
        typeId[i] = std::uint8_t(0x40 + 5 * i);
    }
    eventId[6] = 0x4e; // version 4, variant 10: a UUID as the server makes them
    eventId[8] = 0x9a;
    ticketId[6] = 0x41;
    ticketId[8] = 0xb3;
    typeId[6] = 0x42;
    typeId[8] = 0x87;
    sbor::TicketCodeFields fields;
    fields.keyId = 1;
    fields.ticketId = ticketId;
    fields.eventPrefix = sbor::idPrefix(eventId);
    fields.ticketTypePrefix = sbor::idPrefix(typeId);
    fields.issuedAt = 1767225600; // 2026-01-01T00:00:00Z
    fields.validFrom = 1767225600;
    fields.validUntil = 1798761600; // 2027-01-01
    return QString::fromStdString(sbor::signTicketCode(fields, eventId, secretKey));
}

// ---- decoders

class ZbarReader {
public:
    ZbarReader() : m_scanner(zbar::zbar_image_scanner_create())
    {
        zbar::zbar_image_scanner_set_config(m_scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
        zbar::zbar_image_scanner_set_config(m_scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    }
    ~ZbarReader() { zbar::zbar_image_scanner_destroy(m_scanner); }
    ZbarReader(const ZbarReader&) = delete;
    ZbarReader& operator=(const ZbarReader&) = delete;

    // The frame must be Grayscale8 without row padding (1280 bytes a row is).
    QString read(const QImage& frame)
    {
        zbar::zbar_image_t* image = zbar::zbar_image_create();
        zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
        zbar::zbar_image_set_size(image, unsigned(frame.width()), unsigned(frame.height()));
        zbar::zbar_image_set_data(image, frame.constBits(), static_cast<unsigned long>(frame.sizeInBytes()), nullptr);
        QString text;
        if (zbar::zbar_scan_image(m_scanner, image) > 0) {
            for (const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(image); symbol;
                 symbol = zbar::zbar_symbol_next(symbol)) {
                if (zbar::zbar_symbol_get_type(symbol) == zbar::ZBAR_QRCODE) {
                    text = QString::fromUtf8(zbar::zbar_symbol_get_data(symbol),
                                             int(zbar::zbar_symbol_get_data_length(symbol)));
                    break;
                }
            }
        }
        zbar::zbar_image_destroy(image);
        return text;
    }

private:
    zbar::zbar_image_scanner_t* m_scanner;
};

struct DecoderRun {
    const char* name;
    std::function<QString(const QImage&)> decode;
    std::vector<double> ms; // every timed decode
    std::vector<char> hit;  // per frame, first round
    int inconsistent = 0;   // later rounds that disagreed with the first
};

struct DecodeResults {
    QString code;
    std::vector<Frame> frames;
    std::vector<DecoderRun> runs;
    int repeat = 1;
    double generationMs = 0;
};

DecodeResults runDecoding(std::uint32_t seed, int repeat, const QString& saveDir)
{
    DecodeResults results;
    results.code = benchTicketCode();
    results.repeat = repeat;
    const auto started = Clock::now();
    results.frames = makeFrameSet(results.code, seed);
    results.generationMs = msBetween(started, Clock::now());
    if (!saveDir.isEmpty()) {
        QDir().mkpath(saveDir);
        for (std::size_t i = 0; i < results.frames.size(); ++i) {
            const Condition& c = results.frames[i].condition;
            results.frames[i].image.save(QDir(saveDir).filePath(QStringLiteral("frame-%1-m%2-r%3-b%4-n%5.png")
                                                                    .arg(i, 3, 10, QChar('0'))
                                                                    .arg(c.moduleSize)
                                                                    .arg(c.rotation)
                                                                    .arg(c.blur, 0, 'f', 1)
                                                                    .arg(c.noise)));
        }
    }

    auto zbarReader = std::make_shared<ZbarReader>();
    results.runs.push_back(
        {"ZXing, camera (fast)", [](const QImage& f) { return sbor::kiosk::readCode(f, {false}); }, {}, {}, 0});
    results.runs.push_back(
        {"ZXing, thorough", [](const QImage& f) { return sbor::kiosk::readCode(f, {true}); }, {}, {}, 0});
    results.runs.push_back(
        {"zbar (QR only)", [zbarReader](const QImage& f) { return zbarReader->read(f); }, {}, {}, 0});
    for (auto& run : results.runs) {
        run.hit.assign(results.frames.size(), 0);
        run.ms.reserve(results.frames.size() * repeat);
        run.decode(results.frames.front().image); // warm-up: first-call allocations, untimed
    }
    // Frame by frame, each decoder in turn: the same frame is as warm in the cache for all.
    for (int round = 0; round < repeat; ++round) {
        for (std::size_t i = 0; i < results.frames.size(); ++i) {
            for (auto& run : results.runs) {
                const auto from = Clock::now();
                const QString text = run.decode(results.frames[i].image);
                const auto to = Clock::now();
                run.ms.push_back(msBetween(from, to));
                const bool hit = text == results.code;
                if (round == 0)
                    run.hit[i] = hit;
                else if (bool(run.hit[i]) != hit)
                    ++run.inconsistent;
            }
        }
        std::fprintf(stderr, "decode round %d of %d done\n", round + 1, repeat);
    }
    return results;
}

template <typename Value, std::size_t N>
void printBreakdown(const DecodeResults& results, const char* title, const std::array<Value, N>& values,
                    const std::function<Value(const Condition&)>& key, const std::function<QString(Value)>& label,
                    QJsonObject& json, const char* jsonKey)
{
    std::printf("\n%-22s", title);
    for (const auto& run : results.runs)
        std::printf(" %22s", run.name);
    std::printf("\n%-22s", "----------------------");
    for (std::size_t i = 0; i < results.runs.size(); ++i)
        std::printf(" %22s", "----------------------");
    std::printf("\n");
    QJsonObject byValue;
    for (const Value& value : values) {
        std::printf("%-22s", qPrintable(label(value)));
        QJsonObject row;
        for (const auto& run : results.runs) {
            int hits = 0, frames = 0;
            for (std::size_t i = 0; i < results.frames.size(); ++i) {
                if (key(results.frames[i].condition) != value)
                    continue;
                ++frames;
                hits += run.hit[i];
            }
            const double percent = frames ? 100.0 * hits / frames : 0;
            std::printf(" %15.1f%% %2d/%-2d", percent, hits, frames);
            row.insert(run.name, percent);
        }
        std::printf("\n");
        byValue.insert(label(value), row);
    }
    json.insert(jsonKey, byValue);
}

QJsonObject printDecoding(const DecodeResults& results)
{
    std::printf(
        "\nQR decoding, %zu frames of %dx%d grey (%d round%s each), code of %lld characters; frames made in %.0f ms (not timed)\n\n",
        results.frames.size(), kFrameWidth, kFrameHeight, results.repeat, results.repeat == 1 ? "" : "s",
        static_cast<long long>(results.code.size()), results.generationMs);
    std::printf("%-24s %7s %10s %10s %9s %9s\n", "decoder", "frames", "success %", "median ms", "p99 ms", "max ms");
    std::printf("%-24s %7s %10s %10s %9s %9s\n", "------------------------", "------", "---------", "---------",
                "------", "------");
    QJsonObject json;
    QJsonArray decoders;
    for (const auto& run : results.runs) {
        const Stats stats = statsOf(run.ms);
        const int hits = int(std::count(run.hit.begin(), run.hit.end(), 1));
        const double percent = 100.0 * hits / double(results.frames.size());
        std::printf("%-24s %7zu %9.1f%% %10.2f %9.2f %9.2f\n", run.name, results.frames.size(), percent, stats.p50,
                    stats.p99, stats.max);
        // Hits and misses apart: a miss can cost more (a full search) or less (nothing to follow up).
        std::vector<double> hitMs, missMs;
        for (std::size_t k = 0; k < run.ms.size(); ++k)
            (run.hit[k % results.frames.size()] ? hitMs : missMs).push_back(run.ms[k]);
        QJsonObject decoder = statsJson(stats);
        decoder.insert("name", run.name);
        decoder.insert("hits", hits);
        decoder.insert("success_percent", percent);
        decoder.insert("hits_only", statsJson(statsOf(hitMs)));
        decoder.insert("misses_only", statsJson(statsOf(missMs)));
        decoder.insert("inconsistent_rounds", run.inconsistent);
        decoders.append(decoder);
    }
    std::printf("\n%-24s %14s %14s\n", "median ms of", "hits", "misses");
    std::printf("%-24s %14s %14s\n", "------------------------", "----", "------");
    for (const auto& run : results.runs) {
        std::vector<double> hitMs, missMs;
        for (std::size_t k = 0; k < run.ms.size(); ++k)
            (run.hit[k % results.frames.size()] ? hitMs : missMs).push_back(run.ms[k]);
        const auto cell = [](const std::vector<double>& values) {
            return values.empty() ? QStringLiteral("-")
                                  : QStringLiteral("%1 (%2)").arg(statsOf(values).p50, 0, 'f', 2).arg(values.size());
        };
        std::printf("%-24s %14s %14s\n", run.name, qPrintable(cell(hitMs)), qPrintable(cell(missMs)));
    }
    json.insert("decoders", decoders);
    printBreakdown<int, 4>(
        results, "success by module", kModuleSizes, [](const Condition& c) { return c.moduleSize; },
        [](int v) { return QStringLiteral("%1 px").arg(v); }, json, "by_module_px");
    printBreakdown<double, 5>(
        results, "success by rotation", kRotations, [](const Condition& c) { return c.rotation; },
        [](int v) { return QStringLiteral("%1 deg").arg(v); }, json, "by_rotation_deg");
    printBreakdown<double, 3>(
        results, "success by blur", kBlurs, [](const Condition& c) { return c.blur; },
        [](double v) { return v == 0 ? QStringLiteral("none") : QStringLiteral("box radius %1 px").arg(v); }, json,
        "by_blur_radius");
    printBreakdown<double, 3>(
        results, "success by noise", kNoises, [](const Condition& c) { return c.noise; },
        [](int v) { return QStringLiteral("sigma %1").arg(v); }, json, "by_noise_sigma");
    for (const auto& run : results.runs)
        if (run.inconsistent)
            std::printf("\nnote: %s gave a different answer in a later round for %d decodes\n", run.name,
                        run.inconsistent);
    QJsonArray perFrame; // which frame each decoder read, to look at the misses (--save-frames)
    for (std::size_t i = 0; i < results.frames.size(); ++i) {
        const Condition& c = results.frames[i].condition;
        QJsonObject frame{{"index", int(i)},
                          {"module_px", c.moduleSize},
                          {"rotation_deg", c.rotation},
                          {"blur_sigma", c.blur},
                          {"noise_sigma", c.noise}};
        for (const auto& run : results.runs)
            frame.insert(run.name, bool(run.hit[i]));
        perFrame.append(frame);
    }
    json.insert("per_frame", perFrame);
    json.insert("frames", int(results.frames.size()));
    json.insert("rounds", results.repeat);
    json.insert("code_length", int(results.code.size()));
    return json;
}

// ---- waiting without spinning: signal handlers call wake(), waitUntil() sleeps in an event loop

QEventLoop* waiting_ = nullptr;
void wake()
{
    if (waiting_)
        waiting_->quit();
}

bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0)
            return false;
        QEventLoop loop;
        QTimer::singleShot(int(left), &loop, &QEventLoop::quit);
        QEventLoop* outer = std::exchange(waiting_, &loop);
        loop.exec();
        waiting_ = outer;
    }
    return true;
}

void pause(int ms)
{
    waitUntil([] { return false; }, ms);
}

template <typename T> bool require(const ApiResult<T>& result, const char* what)
{
    if (!result)
        std::fprintf(stderr, "%s failed: %s\n", what, result.error().describe().c_str());
    return bool(result);
}

// ---- scan to verdict

struct DoorResults {
    std::vector<double> onlineCode, onlineFrame, ceiling, offlineCode, offlineFrame;
    double firstOfflineCode = -1, firstOfflineFrame = -1;
    QString firstOfflineVerdict;
    bool onlineBeforeFirstOffline = false; // the first offline scan tried the server
    bool wentOffline = false;
    int wrongVerdicts = 0;
    int decodeMisses = 0;
    int settleTimeouts = 0;
    int serverExit = 0;
    int copyTickets = 0; // tickets in the kiosk's offline copy
    QString database;
    Condition frameCondition;
};

std::optional<DoorResults> runDoor(int scans, int warmup, int extraTickets, std::uint32_t seed)
{
    DoorResults results;
    // A camera frame as a door sees it: a phone screen or a printout held at a hand's distance.
    results.frameCondition = Condition{4, 10, 1.0, 12, {1280, 720}, 1};

    // sbor-server: on the fixture cluster when there is one, else embedded (sbor-live-bench's way).
    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<QTemporaryDir> embeddedHolder; // outlives the server
    TestServer::Options options;
    options.debugRoutes = false;
    if (!TestDatabase::fixtureConnectionString().empty()) {
        database = std::make_unique<TestDatabase>();
        if (!database->valid()) {
            std::fprintf(stderr, "no test database: %s\n", database->problem().c_str());
            return std::nullopt;
        }
        options.arguments = {"--db-url", database->url(), "--log-level", "warn"};
        results.database = "fixture PostgreSQL (" + TestDatabase::fixtureStateDir() + ")";
    } else {
        embeddedHolder = std::make_unique<QTemporaryDir>(kEmbeddedDataDirTemplate);
        options.arguments = {"--data-dir", embeddedDataDir(*embeddedHolder), "--log-level", "warn"};
        options.environment.insert("SBOR_DATABASE_EMBEDDED_UNSAFE_FAST", "true");
        results.database = "embedded PostgreSQL";
    }
    TestServer server(options);
    std::fprintf(stderr, "starting sbor-server (%s)\n", qPrintable(results.database));
    if (!server.start()) {
        std::fprintf(stderr, "sbor-server did not start:\n%s\n", qPrintable(server.logs()));
        return std::nullopt;
    }

    // The organizer's side: an event, a free ticket type, a check-in list, the tickets.
    HttpClient http;
    AuthApi auth(server, http);
    const SignedInUser organizer = auth.signUpOrganizer("kiosk-bench");
    if (organizer.id.isEmpty()) {
        std::fprintf(stderr, "could not sign up an organizer\n%s\n", qPrintable(server.errorLogLines()));
        return std::nullopt;
    }
    ApiClient organizerClient(ApiClient::Settings{server.url("/"), 10000, 3, 50});
    SborApi organizerApi(organizerClient);
    if (!require(await(organizerApi.login(organizer.email, kTestPassword)), "login"))
        return std::nullopt;
    const int online = warmup + scans;
    const int offline = 1 + scans;
    const int total = 2 * online + offline + extraTickets; // the extra ones only fill the kiosk's copy
    const auto scenario = openDoor(organizerApi, {"Kiosk scan bench", "Main entrance", false, {}, total});
    if (!scenario)
        return std::nullopt;
    const QString eventId = scenario->eventId;
    const QString listId = scenario->listId;
    const std::vector<wire::Ticket>& tickets = scenario->tickets;
    const auto kioskCode = await(organizerApi.createEnrollment(eventId, listId, "Bench kiosk"));
    const auto ceilingCode = await(organizerApi.createEnrollment(eventId, listId, "Bench ceiling"));
    if (!require(kioskCode, "createEnrollment") || !require(ceilingCode, "createEnrollment"))
        return std::nullopt;

    // Tickets: [0, online) the kiosk online, [online, 2·online) the ceiling, then `offline` for
    // the kiosk offline; any extra ones are never scanned.
    // Each kiosk ticket gets its own camera frame, made now, outside the timing.
    std::vector<QImage> frames(tickets.size());
    for (std::size_t i = 0; i < tickets.size(); ++i)
        if (i < std::size_t(online) || (i >= std::size_t(2 * online) && i < std::size_t(2 * online + offline))) {
            Condition condition = results.frameCondition;
            condition.seed = static_cast<unsigned>(seed + i);
            frames[i] = sbor::test::cameraFrame(QString::fromStdString(tickets[i].code), condition);
        }

    // The kiosk: its own object with its settings and store in a temp dir. The periodic sync is
    // pushed out of the way so the first offline scan, not a sync, is what finds the outage.
    QTemporaryDir kioskData;
    KioskSettings settings(kioskData.path());
    DoorController::Settings behaviour; // the kiosk's defaults: 1.5 s redeem timeout, no retry
    behaviour.syncIntervalMs = 10 * 60 * 1000;
    behaviour.liveUrl = QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(server.livePort());
    Clock::time_point verdictAt; // before the door: its handlers write here until it is gone
    QString verdictResult;
    int verdicts = 0, queueChanges = 0;
    DoorController door(settings, behaviour);
    QObject::connect(&door, &DoorController::verdictShown, [&](const QString&, const QString& result) {
        verdictAt = Clock::now();
        verdictResult = result;
        ++verdicts;
        wake();
    });
    QObject::connect(door.sync(), &sbor::kiosk::DoorSync::queueChanged, [&] {
        ++queueChanges;
        wake();
    });
    QObject::connect(&door, &DoorController::enrollmentChanged, [] { wake(); });
    QObject::connect(door.counters(), &sbor::kiosk::DoorCounters::changed, [] { wake(); });
    door.enrollment()->enroll(server.url("/").toString(), QString::fromStdString(kioskCode->code), {});
    if (!waitUntil([&] { return door.isEnrolled(); }, 15000)) {
        std::fprintf(stderr, "the kiosk did not enroll: %s\n", qPrintable(door.enrollment()->error()));
        return std::nullopt;
    }
    if (!waitUntil([&] { return door.counters()->expected() == total; }, 30000 + 10 * total)) {
        std::fprintf(stderr, "the kiosk's copy has %d of %d tickets\n", door.counters()->expected(), total);
        return std::nullopt;
    }

    ApiClient ceilingClient(ApiClient::Settings{server.url("/"), behaviour.onlineTimeoutMs, 1, 0});
    SborApi ceilingApi(ceilingClient);
    if (!require(await(ceilingApi.enrollDevice(QString::fromStdString(ceilingCode->code))), "enrollDevice"))
        return std::nullopt;

    // After each measured step: the kiosk brings its copy up to date (300 ms after an answer or
    // a live frame); let that finish so it does not overlap the next measurement.
    const auto settle = [&](int queueChangesBefore) {
        if (!waitUntil([&] { return queueChanges > queueChangesBefore; }, 2000))
            ++results.settleTimeouts;
        pause(50);
    };

    // One kiosk scan: decode the frame (camera mode), submit, wait for the verdict.
    struct Scan {
        double fromCode = -1, fromFrame = -1;
        QString result;
    };
    const auto scanTicket = [&](std::size_t index, int timeoutMs) {
        Scan scan;
        const QString code = QString::fromStdString(tickets[index].code);
        const int before = verdicts;
        const auto frameStart = Clock::now();
        QString text = sbor::kiosk::readCode(frames[index], {false});
        const auto decoded = Clock::now();
        const bool read = text == code;
        if (!read) {
            ++results.decodeMisses;
            text = code; // still judge the ticket, but this scan has no frame time
        }
        door.submitCode(text, "camera");
        if (!waitUntil([&] { return verdicts > before; }, timeoutMs))
            return scan;
        scan.fromCode = msBetween(decoded, verdictAt);
        if (read)
            scan.fromFrame = msBetween(frameStart, verdictAt);
        scan.result = verdictResult;
        return scan;
    };

    // Online: a kiosk scan, then a bare redeem by the other device, in turn.
    std::fprintf(stderr, "online: %d warm-up + %d scans and as many bare redeems\n", warmup, scans);
    QObject context;
    for (int i = 0; i < online; ++i) {
        int mark = queueChanges;
        const Scan scan = scanTicket(std::size_t(i), 10000);
        // An answer slower than the kiosk's timeout makes it decide offline: not the online path.
        const bool decidedOnline = scan.result == "ok" && !door.verdict().offline;
        if (!decidedOnline) {
            std::fprintf(stderr, "online scan %d: verdict '%s'%s, expected an online 'ok'\n", i,
                         qPrintable(scan.result), door.verdict().offline ? " decided offline" : "");
            ++results.wrongVerdicts;
        }
        settle(mark);
        if (i >= warmup && decidedOnline) {
            results.onlineCode.push_back(scan.fromCode);
            if (scan.fromFrame >= 0)
                results.onlineFrame.push_back(scan.fromFrame);
        }

        mark = queueChanges;
        const wire::Ticket& other = tickets[std::size_t(online + i)];
        const wire::ScanSubmission submission{other.code,
                                              listId.toStdString(),
                                              "ceiling-" + std::to_string(i),
                                              sbor::formatRfc3339(sbor::unixNowMicroseconds()),
                                              wire::ScanKind::Entry,
                                              std::nullopt};
        struct Answer {
            bool arrived = false;
            QString result;
            Clock::time_point at;
        };
        const auto answer = std::make_shared<Answer>(); // outlives this turn if the answer is late
        const auto sent = Clock::now();
        ceilingApi.redeem(submission).then(&context, [answer](ApiResult<wire::RedeemAnswer> redeemed) {
            answer->at = Clock::now();
            answer->result = redeemed ? QString::fromStdString(redeemed->result)
                                      : QString::fromStdString(redeemed.error().describe());
            answer->arrived = true;
            wake();
        });
        if (!waitUntil([&] { return answer->arrived; }, 10000) || answer->result != "ok") {
            std::fprintf(stderr, "bare redeem %d: '%s', expected 'ok'\n", i, qPrintable(answer->result));
            ++results.wrongVerdicts;
        } else if (i >= warmup) {
            results.ceiling.push_back(msBetween(sent, answer->at));
        }
        settle(mark); // the kiosk hears of that check-in on its live feed and syncs
    }

    // The copy knows every admission so far before the server goes.
    if (!waitUntil([&] { return door.counters()->checkedIn() >= 2 * online; }, 10000))
        std::fprintf(stderr, "note: the kiosk's copy shows %d of %d check-ins before the server stops\n",
                     door.counters()->checkedIn(), 2 * online);
    pause(500);
    std::fprintf(stderr, "stopping sbor-server\n");
    results.serverExit = server.stop();
    pause(200); // the kiosk's sockets notice the closed connections

    std::fprintf(stderr, "offline: 1 + %d scans\n", scans);
    const std::size_t firstOffline = std::size_t(2 * online);
    results.onlineBeforeFirstOffline = door.sync()->isOnline();
    const Scan first = scanTicket(firstOffline, 10000);
    results.firstOfflineCode = first.fromCode;
    results.firstOfflineFrame = first.fromFrame;
    results.firstOfflineVerdict = first.result;
    results.wentOffline = !door.sync()->isOnline();
    if (first.result != "ok" || !door.verdict().offline) {
        std::fprintf(stderr, "first offline scan: verdict '%s' (offline %d), expected an offline 'ok'\n",
                     qPrintable(first.result), int(door.verdict().offline));
        ++results.wrongVerdicts;
    }
    for (int i = 1; i < offline; ++i) {
        pause(20);
        const Scan scan = scanTicket(firstOffline + std::size_t(i), 5000);
        if (scan.result != "ok" || !door.verdict().offline) {
            std::fprintf(stderr, "offline scan %d: verdict '%s', expected an offline 'ok'\n", i,
                         qPrintable(scan.result));
            ++results.wrongVerdicts;
            continue;
        }
        results.offlineCode.push_back(scan.fromCode);
        if (scan.fromFrame >= 0)
            results.offlineFrame.push_back(scan.fromFrame);
    }
    results.copyTickets = door.counters()->expected();
    if (door.sync()->queueLength() != offline)
        std::fprintf(stderr, "note: the kiosk's queue holds %d scans, %d expected\n", door.sync()->queueLength(),
                     offline);
    return results;
}

QJsonObject printDoor(const DoorResults& r, int scans, int warmup)
{
    std::printf(
        "\nscan to verdict: a DoorController against sbor-server on loopback (%s); %d scans each, after %d warm-up; "
        "%d tickets in the kiosk's copy\n",
        qPrintable(r.database), scans, warmup, r.copyTickets);
    std::printf("camera frames for the door: %s, decoded in the kiosk's camera mode\n\n",
                qPrintable(describe(r.frameCondition)));
    std::printf("%-48s %7s %10s %9s %9s %8s %10s\n", "path", "samples", "median ms", "p99 ms", "max ms", "goal ms",
                "p99<=goal");
    std::printf("%-48s %7s %10s %9s %9s %8s %10s\n", "------------------------------------------------", "-------",
                "---------", "------", "------", "-------", "---------");
    QJsonObject json;
    const auto row = [&](const char* name, const char* key, const std::vector<double>& values, double goal) {
        const Stats s = statsOf(values);
        const QString verdict = goal <= 0 || s.samples == 0 ? QStringLiteral("-")
            : s.p99 <= goal                                 ? QStringLiteral("yes")
                                                            : QStringLiteral("NO");
        const QString goalText = goal > 0 ? QString::number(goal, 'f', 0) : QStringLiteral("-");
        std::printf("%-48s %7zu %10.2f %9.2f %9.2f %8s %10s\n", name, s.samples, s.p50, s.p99, s.max,
                    qPrintable(goalText), qPrintable(verdict));
        QJsonObject entry = statsJson(s);
        if (goal > 0)
            entry.insert("goal_ms", goal);
        json.insert(key, entry);
    };
    row("online: code -> verdict", "online_code_to_verdict", r.onlineCode, kOnlineGoalMs);
    row("online: camera frame -> verdict (decode incl.)", "online_frame_to_verdict", r.onlineFrame, kOnlineGoalMs);
    row("ceiling: bare SborApi::redeem -> answer", "ceiling_bare_redeem", r.ceiling, 0);
    std::vector<double> first;
    if (r.firstOfflineCode >= 0)
        first.push_back(r.firstOfflineCode);
    row("first offline scan (detects the outage)", "first_offline_code_to_verdict", first, 0);
    row("offline: code -> verdict (local decision)", "offline_code_to_verdict", r.offlineCode, kOfflineGoalMs);
    row("offline: camera frame -> verdict (decode incl.)", "offline_frame_to_verdict", r.offlineFrame, kOfflineGoalMs);
    const Stats online = statsOf(r.onlineCode), ceiling = statsOf(r.ceiling);
    if (ceiling.p50 > 0)
        std::printf("\nkiosk online code -> verdict vs bare redeem: median %.2fx, p99 %.2fx\n",
                    online.p50 / ceiling.p50, online.p99 / ceiling.p99);
    std::printf(
        "first offline scan: %.2f ms from the code, %.2f ms from the frame; verdict '%s'; kiosk %s before it, %s after it\n",
        r.firstOfflineCode, r.firstOfflineFrame, qPrintable(r.firstOfflineVerdict),
        r.onlineBeforeFirstOffline ? "online" : "ALREADY OFFLINE (the scan did not try the server)",
        r.wentOffline ? "offline" : "STILL ONLINE");
    std::printf(
        "wrong verdicts: %d; frames the camera mode did not read: %d; waits for the kiosk's sync that timed out: %d; "
        "sbor-server exit status: %d\n",
        r.wrongVerdicts, r.decodeMisses, r.settleTimeouts, r.serverExit);
    json.insert("first_offline_frame_to_verdict_ms", r.firstOfflineFrame);
    json.insert("online_before_first_offline_scan", r.onlineBeforeFirstOffline);
    json.insert("went_offline", r.wentOffline);
    json.insert("wrong_verdicts", r.wrongVerdicts);
    json.insert("decode_misses", r.decodeMisses);
    json.insert("settle_timeouts", r.settleTimeouts);
    json.insert("database", r.database);
    json.insert("copy_tickets", r.copyTickets);
    json.insert("frame_condition", describe(r.frameCondition));
    return json;
}

int argument(const QStringList& args, const QString& name, int fallback)
{
    const int at = args.indexOf(name);
    return at >= 0 ? args.value(at + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir runtimeDir; // Qt wants one (architecture.md §10); mode 700
    if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR") && runtimeDir.isValid())
        qputenv("XDG_RUNTIME_DIR", runtimeDir.path().toLocal8Bit());
    QGuiApplication application(argc, argv);
    QGuiApplication::setApplicationName("sbor-kiosk-scan-bench");
    const QStringList args = application.arguments();
    if (args.contains("--help") || args.contains("-h")) {
        std::printf(
            "usage: sbor-kiosk-scan-bench [--scans 50] [--warmup 3] [--extra-tickets 0] [--repeat 1] [--seed 20240611] "
            "[--skip-decode] [--skip-door] [--save-frames DIR] [--out FILE]\n");
        return 0;
    }
    const int scans = std::max(1, argument(args, "--scans", 50));
    const int warmup = std::max(0, argument(args, "--warmup", 3));
    const int repeat = std::max(1, argument(args, "--repeat", 1));
    const int extraTickets = std::max(0, argument(args, "--extra-tickets", 0));
    const auto seed = std::uint32_t(argument(args, "--seed", 20240611));
    const QString saveDir = args.indexOf("--save-frames") >= 0 ? args.value(args.indexOf("--save-frames") + 1)
                                                               : QString();
    const QString out = args.indexOf("--out") >= 0 ? args.value(args.indexOf("--out") + 1) : QString();
    if (sodium_init() < 0) {
        std::fprintf(stderr, "libsodium did not initialise\n");
        return 1;
    }
    double load = 0;
    if (QFile loadavg("/proc/loadavg"); loadavg.open(QIODevice::ReadOnly))
        load = loadavg.readAll().split(' ').value(0).toDouble();
    const int cpus = QThread::idealThreadCount();
    std::printf("sbor-kiosk-scan-bench: %d CPUs, load average %.2f at the start%s\n", cpus, load,
                load > cpus / 2.0 ? " (busy machine: the timings are not worth much)" : "");
    std::fflush(stdout);

    QJsonObject json{{"cpus", cpus},
                     {"load_average", load},
                     {"seed", qint64(seed)},
                     {"kernel", QSysInfo::kernelVersion()},
                     {"date", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (!args.contains("--skip-decode"))
        json.insert("decoding", printDecoding(runDecoding(seed, repeat, saveDir)));
    std::fflush(stdout);

    int status = 0;
    if (!args.contains("--skip-door")) {
        const auto door = runDoor(scans, warmup, extraTickets, seed);
        if (!door)
            return 1;
        json.insert("scan_to_verdict", printDoor(*door, scans, warmup));
        if (door->wrongVerdicts > 0)
            status = 2;
    }
    if (!out.isEmpty()) {
        QFile file(out);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(json).toJson());
        else
            std::fprintf(stderr, "could not write %s\n", qPrintable(out));
    }
    return status;
}
