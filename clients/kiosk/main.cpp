// sbor-kiosk: the check-in kiosk for door staff (architecture.md §7).

#include "kioskapp.h"

#include <QGuiApplication>
#include <QQuickStyle>

#include <cstdio>

int main(int argc, char** argv)
{
    QGuiApplication application(argc, argv);
    QGuiApplication::setApplicationName("sbor-kiosk");
    QGuiApplication::setOrganizationName("Sbor");
    QGuiApplication::setApplicationVersion("0.1");
    QQuickStyle::setStyle("Material");

    QString error;
    const auto options = sbor::kiosk::parseKioskOptions(QGuiApplication::arguments(), &error);
    if (!options) {
        const bool help = error.startsWith("Usage");
        std::fprintf(help ? stdout : stderr, "%s\n", qPrintable(error));
        return help ? 0 : 2;
    }
    sbor::kiosk::KioskApp kiosk(*options, {});
    if (!kiosk.start())
        return 1;
    return QGuiApplication::exec();
}
