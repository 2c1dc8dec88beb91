// sbor-admin: the admins' and support agents' console. Everything is in sbor-admin-core; this
// reads the command line and runs it.
#include "app/adminapp.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName("Sbor");
    QApplication::setApplicationName("sbor-admin");
    QApplication::setApplicationDisplayName("Sbor Admin");
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption server("server", "The Sbor server, e.g. http://127.0.0.1:8080.", "URL");
    const QCommandLineOption live("live", "The live feed, e.g. ws://127.0.0.1:8081/api/v1/live.", "URL");
    const QCommandLineOption language("language", "en or ru.", "code");
    parser.addOptions({server, live, language});
    parser.process(application);
    sbor::admin::AdminApp app({QUrl(parser.value(server)), QUrl(parser.value(live)), parser.value(language)});
    app.start();
    return QApplication::exec();
}
