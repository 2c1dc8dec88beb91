// A number staff glance at: how many are in, of how many.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: card
    property real unit: 16
    property string title
    property int value: 0
    property int total: -1 // -1: no total, no bar

    implicitHeight: column.implicitHeight + 1.6 * unit
    radius: 0.8 * unit
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 0.8 * unit
        spacing: 0.3 * unit
        Label {
            text: card.title
            font.pixelSize: 0.95 * unit
            color: Theme.textDim
        }
        RowLayout {
            spacing: 0.4 * unit
            Label {
                objectName: "counterValue"
                text: card.value
                font.pixelSize: 2.8 * unit
                font.bold: true
                color: Theme.text
            }
            Label {
                visible: card.total >= 0
                text: "/ " + card.total
                font.pixelSize: 1.4 * unit
                color: Theme.textDim
                Layout.alignment: Qt.AlignBaseline
            }
        }
        Rectangle {
            visible: card.total > 0
            Layout.fillWidth: true
            Layout.preferredHeight: 0.45 * unit
            radius: height / 2
            color: Theme.border
            Rectangle {
                width: parent.width * Math.min(1, card.value / Math.max(1, card.total))
                height: parent.height
                radius: height / 2
                color: Theme.accent
            }
        }
    }
}
