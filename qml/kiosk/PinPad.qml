// The staff PIN, asked before settings and exit.
// Bound: the delegates read this file's ids (a delegate made elsewhere could not).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sbor.Kiosk

Popup {
    id: pad
    objectName: "pinPad"
    property var pendingAction: null // what the right PIN opens
    property string entered: ""
    property bool wrong: false
    modal: true
    focus: true
    padding: 1.4 * Theme.unit
    background: Rectangle { color: Theme.surface; radius: Theme.unit; border.color: Theme.border }

    function ask(action) {
        pendingAction = action
        entered = ""
        wrong = false
        open()
    }
    function press(key) {
        wrong = false
        if (key === "⌫") {
            entered = entered.slice(0, -1)
        } else if (key === "OK") {
            if (Door.checkPin(entered)) {
                const action = pendingAction
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
        spacing: 0.8 * Theme.unit
        Heading {
            Layout.alignment: Qt.AlignHCenter
            text: pad.wrong ? qsTr("Wrong PIN") : qsTr("Staff PIN")
            size: 1.4
            color: pad.wrong ? Theme.alert : Theme.text
        }
        KioskText {
            Layout.alignment: Qt.AlignHCenter
            text: pad.entered.length > 0 ? "●".repeat(pad.entered.length) : " "
            size: 1.6
        }
        GridLayout {
            columns: 3
            rowSpacing: 0.5 * Theme.unit
            columnSpacing: 0.5 * Theme.unit
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                KioskButton {
                    required property string modelData
                    Layout.preferredWidth: 5 * Theme.unit
                    Layout.preferredHeight: 4 * Theme.unit
                    text: modelData
                    font.pixelSize: 1.4 * Theme.unit
                    highlighted: modelData === "OK"
                    onClicked: pad.press(modelData)
                }
            }
        }
    }
}
