// The check-in kiosk's window: enrollment until the device is enrolled, then the scanning screen
// with its overlays — the verdict, search, the PIN pad and settings.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Sbor.Kiosk

ApplicationWindow {
    id: root
    width: Kiosk.initialWidth
    height: Kiosk.initialHeight
    visible: true
    visibility: Kiosk.fullscreen ? Window.FullScreen : Window.Windowed
    title: qsTr("Sbor check-in")
    color: Theme.background

    Material.theme: Material.Dark
    Material.accent: Theme.accent

    Binding {
        target: Theme
        property: "unit"
        value: Theme.unitFor(root.width, root.height)
    }

    // Exit and settings sit behind the PIN set at enrollment.
    function guarded(action) {
        if (Door.pinSet)
            pinPad.ask(action)
        else
            action()
    }

    EnrollPage {
        anchors.fill: parent
        visible: !Door.enrolled
    }

    ScanPage {
        id: scanPage
        anchors.fill: parent
        visible: Door.enrolled
        onSearchRequested: searchPanel.open()
        onSettingsRequested: root.guarded(function () { settingsPanel.open() })
    }

    VerdictOverlay {
        anchors.fill: parent
    }

    SearchPanel {
        id: searchPanel
        width: Math.min(root.width * 0.6, 60 * Theme.unit)
        height: root.height
    }

    SettingsPanel {
        id: settingsPanel
        width: Math.min(root.width * 0.55, 48 * Theme.unit)
        height: root.height
        onExitRequested: Kiosk.quit()
    }

    PinPad {
        id: pinPad
        anchors.centerIn: parent
    }
}
