#include "kioskqmltypes.h"

#include <QQmlEngine>

namespace sbor::kiosk {

namespace {

// The KioskApp made the engine its child (KioskApp::start); the engine must not delete what the
// app owns when it goes.
template <typename Object> Object* kept(Object* object)
{
    QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
    return object;
}

KioskApp& kioskOf(QQmlEngine* engine)
{
    auto* kiosk = qobject_cast<KioskApp*>(engine->parent());
    if (!kiosk)
        qFatal("Sbor.Kiosk: the kiosk's QML is loaded only by a KioskApp");
    return *kiosk;
}

} // namespace

KioskApp* KioskSingleton::create(QQmlEngine* engine, QJSEngine*) { return kept(&kioskOf(engine)); }

DoorController* DoorSingleton::create(QQmlEngine* engine, QJSEngine*) { return kept(&kioskOf(engine).door()); }

CameraScanner* CameraSingleton::create(QQmlEngine* engine, QJSEngine*) { return kept(&kioskOf(engine).camera()); }

} // namespace sbor::kiosk
