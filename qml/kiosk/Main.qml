// The check-in kiosk's window: enrollment until the device is enrolled, then the scanning screen
// with its overlays — the verdict, search, the PIN pad and settings.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

ApplicationWindow {
    id: root
    width: initialSize.width
    height: initialSize.height
    visible: true
    visibility: kiosk.fullscreen ? Window.FullScreen : Window.Windowed
    title: qsTr("Sbor check-in")
    color: Theme.background

    Material.theme: Material.Dark
    Material.accent: Theme.accent

    // One size unit for the whole screen: the same layout reads at 1024×600 and at 1920×1080.
    readonly property real unit: Math.max(8, Math.min(24, width / 70, height / 38))

    // Exit and settings sit behind the PIN set at enrollment.
    function guarded(action) {
        if (door.pinSet)
            pinPad.ask(action)
        else
            action()
    }

    EnrollPage {
        anchors.fill: parent
        visible: !door.enrolled
        unit: root.unit
    }

    ScanPage {
        id: scanPage
        anchors.fill: parent
        visible: door.enrolled
        unit: root.unit
        onSearchRequested: searchPanel.open()
        onSettingsRequested: root.guarded(function () { settingsPanel.open() })
    }

    VerdictOverlay {
        anchors.fill: parent
        unit: root.unit
    }

    SearchPanel {
        id: searchPanel
        unit: root.unit
        width: Math.min(root.width * 0.6, 60 * root.unit)
        height: root.height
    }

    SettingsPanel {
        id: settingsPanel
        unit: root.unit
        width: Math.min(root.width * 0.55, 48 * root.unit)
        height: root.height
        onExitRequested: kiosk.quit()
    }

    PinPad {
        id: pinPad
        unit: root.unit
        anchors.centerIn: parent
    }
}
