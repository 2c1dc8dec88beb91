// Search at the door: by name, email or order code (the copy is searched by name when the
// server cannot be asked), and check-in from the result.
// Bound: the delegates read this file's ids (a delegate made elsewhere could not).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sbor.Kiosk

Drawer {
    id: panel
    objectName: "searchPanel"
    edge: Qt.RightEdge
    modal: true
    onOpened: {
        field.text = ""
        Door.guestSearch.find("")
        field.forceActiveFocus()
    }
    background: Rectangle { color: Theme.surface }

    Timer {
        id: debounce
        interval: 250
        onTriggered: Door.guestSearch.find(field.text)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1.2 * Theme.unit
        spacing: 0.8 * Theme.unit

        RowLayout {
            Layout.fillWidth: true
            Heading {
                Layout.fillWidth: true
                text: qsTr("Find a guest")
                size: 1.6
            }
            KioskButton {
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
            font.pixelSize: 1.2 * Theme.unit
            onTextChanged: debounce.restart()
        }
        KioskText {
            Layout.fillWidth: true
            visible: !Door.sync.online
            text: qsTr("Offline: searching this kiosk's copy by name")
            size: 0.9
            color: Theme.offline
        }
        ListView {
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 0.5 * Theme.unit
            model: Door.guestSearch.results
            delegate: Rectangle {
                id: guest
                required property string ticketId
                required property string holderName
                required property string ticketType
                required property string status
                required property bool blocked
                required property bool checkedIn
                readonly property bool refused: blocked || status === "cancelled"
                width: ListView.view.width
                height: 4.6 * Theme.unit
                radius: 0.6 * Theme.unit
                color: Theme.surfaceRaised
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: 0.7 * Theme.unit
                    spacing: 0.8 * Theme.unit
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0.1 * Theme.unit
                        Heading {
                            Layout.fillWidth: true
                            text: guest.holderName
                            size: 1.2
                            elide: Text.ElideRight
                        }
                        KioskText {
                            Layout.fillWidth: true
                            text: guest.blocked ? qsTr("Blocked")
                                  : guest.status === "cancelled" ? qsTr("Cancelled")
                                  : guest.checkedIn ? qsTr("Checked in") : (guest.ticketType || qsTr("Not checked in yet"))
                            size: 0.9
                            color: guest.refused ? Theme.alert : guest.checkedIn ? Theme.warning : Theme.textDim
                        }
                    }
                    KioskButton {
                        highlighted: true
                        enabled: !guest.refused
                        text: Door.exitMode ? qsTr("Let out") : qsTr("Check in")
                        onClicked: {
                            Door.checkInTicket(guest.ticketId)
                            panel.close()
                        }
                    }
                }
            }
        }
        Caption {
            Layout.fillWidth: true
            visible: field.text.length >= 2 && Door.guestSearch.results.count === 0
            text: qsTr("Nobody found")
        }
    }
}
