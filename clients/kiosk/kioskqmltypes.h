#pragma once
// The kiosk's app-wide objects as the QML singletons of the Sbor.Kiosk module: Kiosk (the app:
// language, window), Door (the DoorController) and CameraScanner. They are made in C++ by a KioskApp
// (main()'s, or a test's), never by QML; each QML engine gets those of the KioskApp that loads it,
// so two kiosks can run side by side in one test.

#include "camerascanner.h"
#include "doorcontroller.h"
#include "kioskapp.h"

#include <QtQml/qqml.h>

class QJSEngine;
class QQmlEngine;

namespace sbor::kiosk {

struct KioskSingleton {
    Q_GADGET
    QML_FOREIGN(sbor::kiosk::KioskApp)
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON

public:
    static KioskApp* create(QQmlEngine* engine, QJSEngine*);
};

struct DoorSingleton {
    Q_GADGET
    QML_FOREIGN(sbor::kiosk::DoorController)
    QML_NAMED_ELEMENT(Door)
    QML_SINGLETON

public:
    static DoorController* create(QQmlEngine* engine, QJSEngine*);
};

struct CameraSingleton {
    Q_GADGET
    QML_FOREIGN(sbor::kiosk::CameraScanner)
    QML_NAMED_ELEMENT(CameraScanner)
    QML_SINGLETON

public:
    static CameraScanner* create(QQmlEngine* engine, QJSEngine*);
};

} // namespace sbor::kiosk
