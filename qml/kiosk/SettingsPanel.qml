// Behind the PIN: which event and entrance this kiosk serves, the language, a sync, leaving the
// kiosk, and giving the device up.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sbor.Kiosk

Drawer {
    id: panel
    objectName: "settingsPanel"
    signal exitRequested()
    edge: Qt.RightEdge
    modal: true
    background: Rectangle { color: Theme.surface }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1.4 * Theme.unit
        spacing: 0.8 * Theme.unit

        Heading {
            text: qsTr("Settings")
            size: 1.6
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Theme.unit
            rowSpacing: 0.4 * Theme.unit
            Caption { text: qsTr("Event") }
            KioskText { text: Door.eventTitle; Layout.fillWidth: true; elide: Text.ElideRight }
            Caption { text: qsTr("Entrance") }
            KioskText { text: Door.listName; Layout.fillWidth: true; elide: Text.ElideRight }
            Caption { text: qsTr("Server") }
            KioskText { text: Door.serverUrl; Layout.fillWidth: true; elide: Text.ElideMiddle }
            Caption { text: qsTr("Waiting to upload") }
            KioskText { text: Door.sync.queueLength }
        }
        Caption { text: qsTr("Language") }
        LanguageSwitch {}
        KioskButton {
            text: qsTr("Sync now")
            onClicked: Door.sync.now()
        }
        Item { Layout.fillHeight: true }
        KioskButton {
            Layout.fillWidth: true
            text: qsTr("Exit the kiosk")
            onClicked: panel.exitRequested()
        }
        KioskButton {
            Layout.fillWidth: true
            flat: true
            text: Door.sync.queueLength > 0 ? qsTr("Unenroll (upload the waiting scans first)") : qsTr("Unenroll this device")
            enabled: Door.sync.queueLength === 0
            onClicked: { Door.unenroll(); panel.close() }
        }
    }
}
