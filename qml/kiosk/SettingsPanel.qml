// Behind the PIN: which event and entrance this kiosk serves, the language, a sync, leaving the
// kiosk, and giving the device up.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Drawer {
    id: panel
    objectName: "settingsPanel"
    property real unit: 16
    signal exitRequested()
    edge: Qt.RightEdge
    modal: true
    background: Rectangle { color: Theme.surface }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1.4 * unit
        spacing: 0.8 * unit

        Label {
            text: qsTr("Settings")
            font.pixelSize: 1.6 * unit
            font.bold: true
            color: Theme.text
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: unit
            rowSpacing: 0.4 * unit
            Label { text: qsTr("Event"); color: Theme.textDim; font.pixelSize: unit }
            Label { text: door.eventTitle; color: Theme.text; font.pixelSize: unit; Layout.fillWidth: true; elide: Text.ElideRight }
            Label { text: qsTr("Entrance"); color: Theme.textDim; font.pixelSize: unit }
            Label { text: door.listName; color: Theme.text; font.pixelSize: unit; Layout.fillWidth: true; elide: Text.ElideRight }
            Label { text: qsTr("Server"); color: Theme.textDim; font.pixelSize: unit }
            Label { text: door.serverUrl; color: Theme.text; font.pixelSize: unit; Layout.fillWidth: true; elide: Text.ElideMiddle }
            Label { text: qsTr("Waiting to upload"); color: Theme.textDim; font.pixelSize: unit }
            Label { text: door.sync.queueLength; color: Theme.text; font.pixelSize: unit }
        }
        Label { text: qsTr("Language"); color: Theme.textDim; font.pixelSize: unit }
        LanguageSwitch { unit: panel.unit }
        KioskButton {
            unit: panel.unit
            text: qsTr("Sync now")
            onClicked: door.sync.now()
        }
        Item { Layout.fillHeight: true }
        KioskButton {
            unit: panel.unit
            Layout.fillWidth: true
            text: qsTr("Exit the kiosk")
            onClicked: panel.exitRequested()
        }
        KioskButton {
            unit: panel.unit
            Layout.fillWidth: true
            flat: true
            text: door.sync.queueLength > 0 ? qsTr("Unenroll (upload the waiting scans first)") : qsTr("Unenroll this device")
            enabled: door.sync.queueLength === 0
            onClicked: { door.unenroll(); panel.close() }
        }
    }
}
