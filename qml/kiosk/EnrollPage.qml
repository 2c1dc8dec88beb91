// First start: connect this kiosk to its event and entrance, with the code the organizer's app
// shows (typed, or its QR scanned with the USB scanner).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

Item {
    id: page
    property real unit: 16

    LanguageSwitch {
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 1.2 * unit
        unit: page.unit
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * unit, 40 * unit)
        height: form.implicitHeight + 3.2 * unit
        radius: unit
        color: Theme.surface
        border.color: Theme.border

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 1.6 * unit
            spacing: 0.8 * unit

            Label {
                text: qsTr("Set up this kiosk")
                font.pixelSize: 2.0 * unit
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Enter the server address and the enrollment code from the organizer's app, or scan its QR code with the scanner.")
                wrapMode: Text.WordWrap
                font.pixelSize: 1.0 * unit
                color: Theme.textDim
            }
            TextField {
                id: server
                objectName: "serverField"
                Layout.fillWidth: true
                placeholderText: qsTr("Server address, e.g. https://tickets.example.org")
                font.pixelSize: 1.1 * unit
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            }
            TextField {
                id: code
                objectName: "codeField"
                Layout.fillWidth: true
                placeholderText: qsTr("Enrollment code")
                font.pixelSize: 1.1 * unit
                font.capitalization: Font.AllUppercase
                inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            }
            TextField {
                id: pin
                objectName: "pinField"
                Layout.fillWidth: true
                placeholderText: qsTr("Staff PIN for settings and exit (optional)")
                font.pixelSize: 1.1 * unit
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
            }
            Label {
                objectName: "enrollError"
                Layout.fillWidth: true
                visible: door.enrollment.error.length > 0
                text: door.enrollment.error
                wrapMode: Text.WordWrap
                font.pixelSize: 1.0 * unit
                color: "#ff8a80"
            }
            RowLayout {
                Layout.fillWidth: true
                BusyIndicator {
                    running: door.enrollment.enrolling
                    visible: door.enrollment.enrolling
                    Layout.preferredHeight: 3 * unit
                    Layout.preferredWidth: 3 * unit
                }
                Item { Layout.fillWidth: true }
                KioskButton {
                    objectName: "enrollButton"
                    unit: page.unit
                    highlighted: true
                    enabled: !door.enrollment.enrolling && server.text.length > 0 && code.text.length > 0
                    text: qsTr("Enroll")
                    onClicked: door.enrollment.enroll(server.text, code.text, pin.text)
                }
            }
        }
    }
}
