#include "privatekafka.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

namespace sbor::test {

bool PrivateKafka::start()
{
    m_process.start(QStringLiteral(SBOR_KAFKA_MOCK_BINARY), {m_dir.filePath("bootstrap")});
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        QFile file(m_dir.filePath("bootstrap"));
        if (file.open(QIODevice::ReadOnly) && !(m_brokers = QString::fromUtf8(file.readAll()).trimmed()).isEmpty())
            return true;
        QTest::qWait(50);
    }
    return false;
}

PrivateKafka::~PrivateKafka()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

} // namespace sbor::test
