#pragma once
// A Kafka mock cluster (librdkafka's, in the sbor-kafka-mock process) of one test's own. Tests that
// kill servers use it: the dead consumer-group members they leave behind must not trouble the
// other Kafka tests sharing the suite's cluster.

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace sbor::test {

class PrivateKafka {
public:
    PrivateKafka() = default;
    ~PrivateKafka();
    PrivateKafka(const PrivateKafka&) = delete;
    PrivateKafka& operator=(const PrivateKafka&) = delete;

    // Starts the mock cluster and waits (15 s at most) for its bootstrap address.
    bool start();
    QString brokers() const { return m_brokers; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_brokers;
};

} // namespace sbor::test
