#pragma once
// Waiting for libsbor-client's futures in a test: the event loop runs meanwhile (the client is
// asynchronous on this thread), and a call that never finishes fails the test instead of hanging.

#include "apierror.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtTest>

namespace sbor::test {

template <typename T> T await(QFuture<T> future, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished()) {
        if (timer.elapsed() > timeoutMs)
            qFatal("a client call did not finish within %d ms", timeoutMs);
        QTest::qWait(1);
    }
    return future.result();
}

} // namespace sbor::test

// The call succeeded; otherwise the failure names the server's code, message and trace id.
#define SBOR_REQUIRE_OK(result) QVERIFY2((result).ok(), (result).ok() ? "" : (result).error().describe().c_str())

// The call failed with the server's `code` and `status`.
#define SBOR_REQUIRE_ERROR(result, wantedCode, wantedStatus)                                                           \
    do {                                                                                                               \
        QVERIFY2(!(result).ok(), "the call succeeded but should have failed with " #wantedCode);                       \
        QCOMPARE((result).error().kind, sbor::client::ApiError::Kind::Answered);                                       \
        QCOMPARE(QString::fromStdString(std::string(sbor::errorCodeName((result).error().error.code))),                \
                 QString::fromStdString(std::string(sbor::errorCodeName(wantedCode))));                                \
        QCOMPARE((result).error().httpStatus, wantedStatus);                                                           \
        QVERIFY(!(result).error().traceId.empty());                                                                    \
    } while (false)
