// First start: connect this kiosk to its event and entrance, with the code the organizer's app
// shows (typed, or its QR scanned with the USB scanner).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sbor.Kiosk

Item {
    id: page

    LanguageSwitch {
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 1.2 * Theme.unit
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.unit, 40 * Theme.unit)
        height: form.implicitHeight + 3.2 * Theme.unit
        radius: Theme.unit
        color: Theme.surface
        border.color: Theme.border

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 1.6 * Theme.unit
            spacing: 0.8 * Theme.unit

            Heading {
                text: qsTr("Set up this kiosk")
                size: 2.0
            }
            Caption {
                Layout.fillWidth: true
                text: qsTr("Enter the server address and the enrollment code from the organizer's app, or scan its QR code with the scanner.")
                wrapMode: Text.WordWrap
            }
            TextField {
                id: server
                objectName: "serverField"
                Layout.fillWidth: true
                placeholderText: qsTr("Server address, e.g. https://tickets.example.org")
                font.pixelSize: 1.1 * Theme.unit
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            }
            TextField {
                id: code
                objectName: "codeField"
                Layout.fillWidth: true
                placeholderText: qsTr("Enrollment code")
                font.pixelSize: 1.1 * Theme.unit
                font.capitalization: Font.AllUppercase
                inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            }
            TextField {
                id: pin
                objectName: "pinField"
                Layout.fillWidth: true
                placeholderText: qsTr("Staff PIN for settings and exit (optional)")
                font.pixelSize: 1.1 * Theme.unit
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
            }
            KioskText {
                objectName: "enrollError"
                Layout.fillWidth: true
                visible: Door.enrollment.error.length > 0
                text: Door.enrollment.error
                wrapMode: Text.WordWrap
                color: Theme.alert
            }
            RowLayout {
                Layout.fillWidth: true
                BusyIndicator {
                    running: Door.enrollment.enrolling
                    visible: Door.enrollment.enrolling
                    Layout.preferredHeight: 3 * Theme.unit
                    Layout.preferredWidth: 3 * Theme.unit
                }
                Item { Layout.fillWidth: true }
                KioskButton {
                    objectName: "enrollButton"
                    highlighted: true
                    enabled: !Door.enrollment.enrolling && server.text.length > 0 && code.text.length > 0
                    text: qsTr("Enroll")
                    onClicked: Door.enrollment.enroll(server.text, code.text, pin.text)
                }
            }
        }
    }
}
