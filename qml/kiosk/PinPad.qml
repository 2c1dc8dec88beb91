// The staff PIN, asked before settings and exit.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Popup {
    id: pad
    objectName: "pinPad"
    property real unit: 16
    property var onAccepted: null
    property string entered: ""
    property bool wrong: false
    modal: true
    focus: true
    padding: 1.4 * unit
    background: Rectangle { color: Theme.surface; radius: unit; border.color: Theme.border }

    function ask(action) {
        onAccepted = action
        entered = ""
        wrong = false
        open()
    }
    function press(key) {
        wrong = false
        if (key === "⌫") {
            entered = entered.slice(0, -1)
        } else if (key === "OK") {
            if (door.checkPin(entered)) {
                const action = onAccepted
                close()
                if (action)
                    action()
            } else {
                wrong = true
                entered = ""
            }
        } else if (entered.length < 8) {
            entered += key
        }
    }

    ColumnLayout {
        spacing: 0.8 * unit
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: pad.wrong ? qsTr("Wrong PIN") : qsTr("Staff PIN")
            font.pixelSize: 1.4 * unit
            font.bold: true
            color: pad.wrong ? "#ff8a80" : Theme.text
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: pad.entered.length > 0 ? "●".repeat(pad.entered.length) : " "
            font.pixelSize: 1.6 * unit
            color: Theme.text
        }
        GridLayout {
            columns: 3
            rowSpacing: 0.5 * unit
            columnSpacing: 0.5 * unit
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                KioskButton {
                    unit: pad.unit
                    Layout.preferredWidth: 5 * pad.unit
                    Layout.preferredHeight: 4 * pad.unit
                    text: modelData
                    font.pixelSize: 1.4 * pad.unit
                    highlighted: modelData === "OK"
                    onClicked: pad.press(modelData)
                }
            }
        }
    }
}
