// Search at the door: by name, email or order code (the copy is searched by name when the
// server cannot be asked), and check-in from the result.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Drawer {
    id: panel
    objectName: "searchPanel"
    property real unit: 16
    edge: Qt.RightEdge
    modal: true
    onOpened: {
        field.text = ""
        door.guestSearch.find("")
        field.forceActiveFocus()
    }
    background: Rectangle { color: Theme.surface }

    Timer {
        id: debounce
        interval: 250
        onTriggered: door.guestSearch.find(field.text)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1.2 * unit
        spacing: 0.8 * unit

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Find a guest")
                font.pixelSize: 1.6 * unit
                font.bold: true
                color: Theme.text
            }
            KioskButton {
                unit: panel.unit
                flat: true
                text: qsTr("Close")
                onClicked: panel.close()
            }
        }
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Name, email or order number")
            font.pixelSize: 1.2 * unit
            onTextChanged: debounce.restart()
        }
        Label {
            Layout.fillWidth: true
            visible: !door.sync.online
            text: qsTr("Offline: searching this kiosk's copy by name")
            font.pixelSize: 0.9 * unit
            color: Theme.offline
        }
        ListView {
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 0.5 * unit
            model: door.guestSearch.results
            delegate: Rectangle {
                width: ListView.view.width
                height: 4.6 * unit
                radius: 0.6 * unit
                color: Theme.surfaceRaised
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: 0.7 * unit
                    spacing: 0.8 * unit
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0.1 * unit
                        Label {
                            Layout.fillWidth: true
                            text: model.holderName
                            font.pixelSize: 1.2 * unit
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: model.blocked ? qsTr("Blocked")
                                  : model.status === "cancelled" ? qsTr("Cancelled")
                                  : model.checkedIn ? qsTr("Checked in") : (model.ticketType || qsTr("Not checked in yet"))
                            font.pixelSize: 0.9 * unit
                            color: model.blocked || model.status === "cancelled" ? "#ff8a80"
                                   : model.checkedIn ? Theme.warning : Theme.textDim
                        }
                    }
                    KioskButton {
                        unit: panel.unit
                        highlighted: true
                        enabled: !model.blocked && model.status !== "cancelled"
                        text: door.exitMode ? qsTr("Let out") : qsTr("Check in")
                        onClicked: {
                            door.checkInTicket(model.ticketId)
                            panel.close()
                        }
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: field.text.length >= 2 && door.guestSearch.results.count === 0
            text: qsTr("Nobody found")
            font.pixelSize: 1.0 * unit
            color: Theme.textDim
        }
    }
}
