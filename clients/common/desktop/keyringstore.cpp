#include "keyringstore.h"

#include <qt6keychain/keychain.h>

namespace sbor::desktop {
namespace {

// The keyring's own words are for developers; the person reads what it means for them.
QString plainProblem(QKeychain::Error error, const QString& detail)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeyringStore::tr("This desktop has no keyring (such as GNOME Keyring or KWallet), so the sign-in "
                                "cannot be kept: you will be asked for your password next time.");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return KeyringStore::tr("The keyring refused access, so the sign-in is not kept.");
    case QKeychain::EntryNotFound:
        return KeyringStore::tr("No sign-in is kept for this account.");
    default:
        return KeyringStore::tr("The keyring could not keep the sign-in (%1).").arg(detail);
    }
}

} // namespace

KeyringStore::KeyringStore(QString service, QObject* parent) : QObject(parent), m_service(std::move(service)) {}

QString KeyringStore::accountOf(const QString& server, const QString& email) { return email + " @ " + server; }

void KeyringStore::save(const QString& account, const QString& refreshToken, std::function<void(bool, QString)> done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(account);
    job->setTextData(refreshToken);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError, plainProblem(job->error(), job->errorString()));
    });
    job->start();
}

void KeyringStore::load(const QString& account, std::function<void(bool, QString)> done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError)
            done(true, job->textData());
        else
            done(false, plainProblem(job->error(), job->errorString()));
    });
    job->start();
}

void KeyringStore::forget(const QString& account)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(account);
    job->start();
}

} // namespace sbor::desktop
